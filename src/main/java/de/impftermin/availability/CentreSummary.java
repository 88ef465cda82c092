package de.impftermin.availability;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One line of the public centre list. */
public record CentreSummary(
        String id,
        String name,
        String county,
        String postalCode,
        String address,
        CentreStatus status,
        int freeSeries,
        @Nullable OffsetDateTime nextReleaseAt,
        @Nullable String phone) {}
