package de.impftermin.waitlist;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.shared.Vaccine;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a citizen registers: 1–4 persons, the centres they can reach, a vaccine if they care, and how to reach them. */
public record RegistrationRequest(
        List<PersonDetails> persons,
        List<String> centreIds,
        @Nullable Vaccine vaccine,
        Contact contact) {

    public RegistrationRequest {
        persons = List.copyOf(persons);
        centreIds = List.copyOf(centreIds);
    }
}
