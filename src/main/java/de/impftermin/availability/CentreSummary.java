package de.impftermin.availability;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One line of the public centre list; {@code closedNote} is the office's reason, only for a CLOSED centre. */
public record CentreSummary(
        String id,
        String name,
        String county,
        String postalCode,
        String address,
        CentreStatus status,
        int freeSeries,
        @Nullable OffsetDateTime nextReleaseAt,
        @Nullable String phone,
        @Nullable String closedNote) {}
