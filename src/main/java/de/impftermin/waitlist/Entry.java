package de.impftermin.waitlist;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.eligibility.Applicant;
import de.impftermin.shared.Vaccine;
import de.impftermin.waitlist.domain.Matching;
import de.impftermin.waitlist.domain.Offer;
import de.impftermin.waitlist.domain.Registration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A registration row as stored: what was registered, its place in line and its state (with the live offer). */
record Entry(
        UUID id,
        String tokenHash,
        Registration.Status status,
        List<PersonDetails> persons,
        List<String> centreIds,
        @Nullable Vaccine vaccine,
        Contact contact,
        Instant waitingSince,
        int missedOffers,
        @Nullable String bookingCode,
        @Nullable Offer offer) {

    Registration registration() {
        return new Registration(id, status, missedOffers, offer);
    }

    List<Applicant> applicants() {
        return persons.stream()
                .map(p -> new Applicant(p.birthDate(), p.postalCode()))
                .toList();
    }

    Matching.Wish wish() {
        return new Matching.Wish(applicants(), new LinkedHashSet<>(centreIds), vaccine);
    }

    /** Who holds the offer's series in the inventory: the registration. */
    String subject() {
        return subjectOf(id);
    }

    static String subjectOf(UUID id) {
        return "WAITLIST:" + id;
    }
}
