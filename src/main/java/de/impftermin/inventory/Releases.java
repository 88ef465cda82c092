package de.impftermin.inventory;

import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.inventory.domain.FreeSeat;
import de.impftermin.inventory.domain.Pairing;
import de.impftermin.inventory.domain.SeatPair;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scheduling releases: the dose-ledger gate, then pairing seats into appointment pairs. */
@Service
public class Releases {

    private final Centres centres;
    private final ReleaseRepository releases;
    private final SeatRepository seats;
    private final ApplicationEventPublisher events;

    Releases(Centres centres, ReleaseRepository releases, SeatRepository seats, ApplicationEventPublisher events) {
        this.events = events;
        this.centres = centres;
        this.releases = releases;
        this.seats = seats;
    }

    /**
     * Creates the release and its appointment pairs, or refuses it whole: {@code INSUFFICIENT_DOSES} where the
     * confirmed deliveries (less the doses of every earlier release) cannot cover the series asked for,
     * {@code NO_SECOND_DOSE_CAPACITY} where not a single series can be paired. Releases of one centre are created
     * one at a time (the centre row is locked), so two releases never pair the same seat.
     */
    @Transactional
    public Release create(NewRelease wanted) {
        if (wanted.firstDoseTo().isBefore(wanted.firstDoseFrom())) {
            throw Refusal.invalid("INVALID_RANGE", "firstDoseTo must not be before firstDoseFrom.");
        }
        if (wanted.spillAt() != null && wanted.channel() == Channel.ONLINE) {
            throw Refusal.invalid("INVALID_SPILL", "Only a PHONE or INVITATION release can spill to ONLINE (spillAt).");
        }
        if (wanted.spillAt() != null && !wanted.spillAt().isAfter(wanted.opensAt())) {
            throw Refusal.invalid("INVALID_SPILL", "spillAt must be after opensAt.");
        }
        if (centres.lock(wanted.centreId()).closed()) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "CENTRE_CLOSED",
                    "The centre " + wanted.centreId() + " is closed; reopen it before releasing appointments.");
        }
        long dosesNeeded = (long) wanted.series() * wanted.vaccine().doses();
        long confirmed = centres.confirmedDoses(wanted.centreId(), wanted.vaccine(), wanted.firstDoseTo());
        long promised = releases.dosesPromised(wanted.centreId(), wanted.vaccine());
        if (dosesNeeded > confirmed - promised) {
            throw Refusal.invalid(
                    "INSUFFICIENT_DOSES",
                    "Confirmed deliveries cover " + Math.max(0, confirmed - promised) + " more doses of "
                            + wanted.vaccine().id() + " at this centre; " + dosesNeeded + " are needed.");
        }
        List<FreeSeat> free = seats.free(
                wanted.centreId(),
                wanted.firstDoseFrom(),
                wanted.firstDoseTo().plusDays(wanted.vaccine().maxDays()));
        if (free.stream().noneMatch(seat -> !BerlinTime.dayOf(seat.startsAt()).isAfter(wanted.firstDoseTo()))) {
            throw Refusal.invalid("NO_CAPACITY", "The centre has no free seats on the 1st-dose days.");
        }
        List<SeatPair> pairs =
                new Pairing(wanted.vaccine()).pair(free, wanted.firstDoseFrom(), wanted.firstDoseTo(), wanted.series());
        if (pairs.isEmpty()) {
            throw Refusal.invalid(
                    "NO_SECOND_DOSE_CAPACITY",
                    "No 1st-dose seat could be paired with a free 2nd-dose seat "
                            + wanted.vaccine().minDays() + "–"
                            + wanted.vaccine().maxDays() + " days later at this centre.");
        }
        long releaseId = releases.insert(wanted, pairs.size());
        seats.pairUp(wanted.centreId(), releaseId, wanted, pairs);
        Release release = releases.find(releaseId).orElseThrow();
        events.publishEvent(new ReleaseScheduled(release));
        return release;
    }

    @Transactional(readOnly = true)
    public List<Release> ofCentre(String centreId) {
        if (centres.find(centreId).isEmpty()) {
            throw Refusal.notFound("Centre " + centreId);
        }
        return releases.ofCentre(centreId);
    }

    /**
     * The doses the centre's releases of {@code vaccine} have promised to their series, less those given back (a
     * 1st-dose no-show's 2nd dose): the debit side of the dose ledger.
     */
    @Transactional(readOnly = true)
    public long dosesPromised(String centreId, Vaccine vaccine) {
        return releases.dosesPromised(centreId, vaccine);
    }

    @Transactional(readOnly = true)
    public List<Release> all() {
        return releases.all();
    }

    /**
     * One aggregate over the pairs of open releases: free = no booking and no live hold. This is the only query the
     * read side makes; the availability snapshot calls it at most a few times a second, whatever the traffic.
     */
    @Transactional(readOnly = true)
    public List<FreeSeries> freeSeries(Instant now) {
        return releases.freeSeries(now);
    }

    /**
     * The free 1st-dose times of the online contingent at a centre on a day that every one of {@code persons} may
     * book, for the citizen's choice of a time: times of a release that admits only some of them are not offered,
     * because holding them would be refused. Read only and limited to one centre and day; the claim itself stays
     * with {@link Holds}.
     */
    @Transactional(readOnly = true)
    public List<FreeTime> freeTimes(String centreId, LocalDate day, Instant now, List<Applicant> persons) {
        long[] admitting = releases.ofCentre(centreId).stream()
                .filter(r -> r.eligibility().decideAll(persons).eligible())
                .mapToLong(Release::id)
                .toArray();
        return admitting.length == 0 ? List.of() : releases.freeTimes(centreId, day, now, admitting);
    }

    /**
     * The free 1st-dose times of one contingent at a centre on a day, counted only in the given releases (the hotline
     * passes those whose eligibility admits every person of the caller's household).
     */
    @Transactional(readOnly = true)
    public List<FreeTime> freeTimes(
            String centreId, LocalDate day, Channel channel, List<Long> releaseIds, Instant now) {
        if (releaseIds.isEmpty()) {
            return List.of();
        }
        return releases.freeTimes(
                centreId,
                day,
                channel,
                releaseIds.stream().mapToLong(Long::longValue).toArray(),
                now);
    }

    /**
     * Free series of one release's {@code channel} per 1st-dose day (an invitation's days, for the one holding its
     * code).
     */
    @Transactional(readOnly = true)
    public TreeMap<LocalDate, Integer> freeDays(long releaseId, Channel channel, Instant now) {
        return releases.freeDays(releaseId, channel, now);
    }
}
