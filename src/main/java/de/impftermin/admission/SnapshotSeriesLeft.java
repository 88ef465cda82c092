package de.impftermin.admission;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreStatus;
import org.springframework.stereotype.Component;

/** Reads the in-memory availability snapshot: bookable online series anywhere, without touching the hot rows. */
@Component
class SnapshotSeriesLeft implements SeriesLeft {

    private final AvailabilitySnapshots snapshots;

    SnapshotSeriesLeft(AvailabilitySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public boolean any() {
        return snapshots.current().centres().stream()
                .anyMatch(c -> c.status() == CentreStatus.BOOKABLE && c.freeSeries() > 0);
    }
}
