package de.impftermin.booking;

import de.impftermin.eligibility.Applicant;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a citizen or caller asks for: a centre, a day, optionally a time and a vaccine, for 1–4 people, and the
 * personal invitation code that opens an INVITATION release.
 */
public record WantedAppointments(
        String centreId,
        LocalDate date,
        @Nullable LocalTime time,
        @Nullable Vaccine vaccine,
        List<Applicant> persons,
        @Nullable String invitationCode) {

    public WantedAppointments(
            String centreId,
            LocalDate date,
            @Nullable LocalTime time,
            @Nullable Vaccine vaccine,
            List<Applicant> persons) {
        this(centreId, date, time, vaccine, persons, null);
    }
}
