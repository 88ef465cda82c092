package de.impftermin.waitlist;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A registration with what was registered, for its holder's pages. */
public record RegistrationDetails(
        RegistrationView view,
        List<PersonDetails> persons,
        List<String> centreIds,
        Contact contact,
        @Nullable String bookingCode) {}
