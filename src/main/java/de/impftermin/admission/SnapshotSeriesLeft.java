package de.impftermin.admission;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreStatus;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Reads the in-memory availability snapshot: bookable online series anywhere, without touching the hot rows. A release
 * whose opening instant has passed since the snapshot was built counts as series left: at 08:00:00 the snapshot still
 * says "not yet released" for up to a second, and the pre-queue must not be told "sold out" in that second.
 */
@Component
class SnapshotSeriesLeft implements SeriesLeft {

    private final AvailabilitySnapshots snapshots;
    private final Clock clock;

    SnapshotSeriesLeft(AvailabilitySnapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public boolean any() {
        var now = clock.instant();
        return snapshots.current().centres().stream()
                .anyMatch(c -> (c.status() == CentreStatus.BOOKABLE && c.freeSeries() > 0)
                        || (c.nextReleaseAt() != null
                                && !c.nextReleaseAt().toInstant().isAfter(now)));
    }
}
