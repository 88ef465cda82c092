package de.impftermin.booking;

import de.impftermin.shared.Vaccine;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Held appointment pairs, one series per person, in the order of the persons. */
public record HoldView(UUID id, OffsetDateTime expiresAt, List<SeriesView> series) {

    public record SeriesView(Vaccine vaccine, List<DoseView> appointments) {}

    public record DoseView(int dose, String centreId, OffsetDateTime startsAt) {}
}
