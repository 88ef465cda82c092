package de.impftermin.waitlist;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A waitlist registration as stored, for its citizen (Art. 15 DSGVO). */
public record StoredRegistration(
        UUID id,
        String status,
        List<PersonDetails> persons,
        List<String> centreIds,
        @Nullable String vaccine,
        Contact contact,
        OffsetDateTime registeredAt,
        @Nullable OffsetDateTime closedAt) {}
