package de.impftermin.notifications;

import de.impftermin.shared.Language;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a message about a booking tells, in the booking's language: the booking code, the centre, and the visits (one
 * per person and dose). It goes by SMS to {@code phone} and by e-mail to {@code email}, where set.
 */
public record BookingNotice(
        String code,
        Language language,
        @Nullable String phone,
        @Nullable String email,
        Place place,
        List<Visit> visits) {

    public BookingNotice {
        visits = List.copyOf(visits);
    }

    /** The vaccination centre, as the citizen will look for it. */
    public record Place(String name, String address, String postalCode) {

        @Override
        public String toString() {
            return name + ", " + address + ", " + postalCode;
        }
    }

    /**
     * One appointment: who ({@code person} is the index among the booking's persons, {@code name} the full name),
     * which dose of which vaccine, when.
     */
    public record Visit(int person, String name, int dose, Vaccine vaccine, Instant startsAt) {}

    /** The same booking, telling only the given visits (a reminder names only tomorrow's). */
    public BookingNotice withVisits(List<Visit> only) {
        return new BookingNotice(code, language, phone, email, place, only);
    }
}
