package de.impftermin.hotline;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A call-back request as stored, for its citizen (Art. 15 DSGVO). */
public record StoredCallBack(
        UUID id,
        String phone,
        String postalCode,
        int persons,
        String status,
        int attempts,
        @Nullable String outcome,
        OffsetDateTime requestedAt,
        @Nullable OffsetDateTime closedAt) {}
