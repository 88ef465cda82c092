package de.impftermin.inventory;

import de.impftermin.eligibility.Applicant;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Claim one series per applicant at a centre on a day, nearest to {@code time} (start of day when absent), from
 * releases of the given channels in order of preference (the hotline takes PHONE first, then ONLINE).
 *
 * @param subject who holds it (the verified address or the staff account); only they may confirm it
 * @param invitationCode a personal invitation code as typed, which opens the INVITATION release it was issued for
 */
public record HoldRequest(
        String centreId,
        LocalDate date,
        @Nullable LocalTime time,
        @Nullable Vaccine vaccine,
        List<Applicant> applicants,
        String subject,
        List<Channel> channels,
        @Nullable String invitationCode) {

    public HoldRequest {
        applicants = List.copyOf(applicants);
        channels = List.copyOf(channels);
    }

    public HoldRequest(
            String centreId,
            LocalDate date,
            @Nullable LocalTime time,
            @Nullable Vaccine vaccine,
            List<Applicant> applicants,
            String subject,
            List<Channel> channels) {
        this(centreId, date, time, vaccine, applicants, subject, channels, null);
    }
}
