package de.impftermin.privacy;

import de.impftermin.booking.BookingRecords;
import de.impftermin.booking.Contact;
import de.impftermin.booking.StoredBooking;
import de.impftermin.platform.Refusal;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a citizen proves before seeing or deleting a booking's data: the booking code, the birth date of one of its
 * persons (as for managing the booking) and control of one of its addresses, by a verification token for the
 * booking's phone number or e-mail address, or for the address it was booked with.
 */
@Component
class CitizenProof {

    sealed interface Outcome {
        record Proven(StoredBooking booking) implements Outcome {}

        record Refused(CitizenRequest reason) implements Outcome {}
    }

    private final Verifications verifications;
    private final BookingRecords bookings;

    CitizenProof(Verifications verifications, BookingRecords bookings) {
        this.verifications = verifications;
        this.bookings = bookings;
    }

    Outcome check(String code, LocalDate birthDate, @Nullable String verificationToken) {
        Optional<ContactAddress> verified =
                verificationToken == null ? Optional.empty() : verifications.verifiedBy(verificationToken);
        if (verified.isEmpty()) {
            return new Outcome.Refused(CitizenRequest.VERIFICATION_REQUIRED);
        }
        Optional<StoredBooking> booking = bookings.stored(code, birthDate);
        if (booking.isEmpty()) {
            return new Outcome.Refused(CitizenRequest.NOT_FOUND);
        }
        List<String> addresses = addresses(booking.get());
        if (addresses.isEmpty()) {
            return new Outcome.Refused(CitizenRequest.NO_CONTACT);
        }
        if (!addresses.contains(normalised(verified.get().value()))) {
            return new Outcome.Refused(CitizenRequest.CONTACT_NOT_VERIFIED);
        }
        return new Outcome.Proven(booking.get());
    }

    /** The booking's phone number and e-mail address, normalised as verification normalises them. */
    static List<String> contacts(StoredBooking booking) {
        Contact contact = booking.booking().contact();
        List<String> contacts = new ArrayList<>();
        if (contact.phone() != null) {
            contacts.add(normalised(contact.phone()));
        }
        if (contact.email() != null) {
            contacts.add(normalised(contact.email()));
        }
        return contacts;
    }

    private static List<String> addresses(StoredBooking booking) {
        List<String> addresses = contacts(booking);
        String through = booking.bookedThrough();
        if (through.startsWith("+") || through.contains("@")) {
            addresses.add(normalised(through));
        }
        return addresses;
    }

    private static String normalised(String address) {
        String trimmed = address.strip();
        if (trimmed.contains("@")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        try {
            return ContactAddress.phone(trimmed);
        } catch (Refusal notAPhoneNumber) {
            return trimmed;
        }
    }
}
