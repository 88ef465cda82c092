package de.impftermin.availability;

import de.impftermin.centres.Centre;
import de.impftermin.inventory.FreeSeries;
import de.impftermin.inventory.Release;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Derives a centre's public status: a centre the office closed says so (with its note), phone-only centres say so, and so does a centre whose only free series are in a
 * PHONE contingent (until it spills); free online series make it bookable; otherwise a coming
 * release is announced (NOT_YET_RELEASED, or FULLY_BOOKED once an earlier release sold out), and a centre that never
 * had a release says NO_APPOINTMENTS. A paused release is neither open nor announced.
 */
final class CentreStatuses {

    private CentreStatuses() {}

    static CentreSummary summarise(
            Centre centre, List<Release> releases, List<FreeSeries> free, int freeByPhone, Instant now) {
        int freeSeries = free.stream().mapToInt(FreeSeries::free).sum();
        List<Release> visible = releases.stream()
                .filter(r -> centre.phoneOnly() || r.offers(Channel.ONLINE, now))
                .filter(r -> !r.isPaused())
                .toList();
        Optional<Instant> next = visible.stream()
                .map(Release::opensAt)
                .filter(at -> at.isAfter(now))
                .min(Instant::compareTo);
        boolean hadOpenRelease = visible.stream().anyMatch(r -> r.isOpenAt(now));
        CentreStatus status;
        if (centre.closed()) {
            status = CentreStatus.CLOSED;
        } else if (centre.phoneOnly() || (freeSeries == 0 && freeByPhone > 0)) {
            status = CentreStatus.PHONE_ONLY;
        } else if (freeSeries > 0) {
            status = CentreStatus.BOOKABLE;
        } else if (hadOpenRelease) {
            status = CentreStatus.FULLY_BOOKED;
        } else if (next.isPresent()) {
            status = CentreStatus.NOT_YET_RELEASED;
        } else {
            status = CentreStatus.NO_APPOINTMENTS;
        }
        return new CentreSummary(
                centre.id(),
                centre.name(),
                centre.county(),
                centre.postalCode(),
                centre.address(),
                status,
                freeSeries,
                centre.closed() ? null : next.map(BerlinTime::show).orElse(null),
                centre.phone(),
                centre.closure() == null ? null : centre.closure().note());
    }
}
