package de.impftermin.operations;

import de.impftermin.inventory.NewRelease;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.ReleasePreview;
import de.impftermin.inventory.Releases;
import de.impftermin.platform.CentreAccess;
import de.impftermin.waitlist.WaitingPeople;
import de.impftermin.waitlist.Waitlist;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A centre's releases from the console: a preview before anything is written (what inventory would pair, plus how
 * many people waiting for this centre the release's rule admits) and the list with booked series. Scheduling,
 * pausing, resuming and withdrawing are {@link Releases}' use cases, called as they are.
 */
@Service
public class CentreReleases {

    /**
     * A release with its booked series, for the console's list; {@code state} SCHEDULED, OPEN, PAUSED or WITHDRAWN.
     */
    public record Row(Release release, int booked, String state) {
        public int unbooked() {
            return release.seriesLeft() - booked;
        }
    }

    /** The preview of a release and the people it would admit among those waiting for the centre. */
    public record Draft(ReleasePreview preview, WaitingPeople waiting) {}

    private final Releases releases;
    private final Waitlist waitlist;
    private final Clock clock;

    CentreReleases(Releases releases, Waitlist waitlist, Clock clock) {
        this.releases = releases;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    private static String state(Release release, Instant now) {
        if (release.isWithdrawn()) {
            return "WITHDRAWN";
        }
        if (release.isPaused()) {
            return "PAUSED";
        }
        return release.isOpenAt(now) ? "OPEN" : "SCHEDULED";
    }

    @Transactional(readOnly = true)
    public List<Row> ofCentre(String centreId) {
        CentreAccess.require(centreId);
        Map<Long, Integer> booked = releases.bookedSeries(centreId);
        return releases.ofCentre(centreId).stream()
                .map(r -> new Row(r, booked.getOrDefault(r.id(), 0), state(r, clock.instant())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Draft preview(NewRelease wanted) {
        CentreAccess.require(wanted.centreId());
        return new Draft(releases.preview(wanted), waitlist.waitingFor(wanted.centreId(), wanted.eligibility()));
    }
}
