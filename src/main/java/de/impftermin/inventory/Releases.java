package de.impftermin.inventory;

import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.inventory.domain.FreeSeat;
import de.impftermin.inventory.domain.Pairing;
import de.impftermin.inventory.domain.SeatPair;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scheduling releases: the dose-ledger gate, then pairing seats into appointment pairs. */
@Service
public class Releases {

    private final Centres centres;
    private final ReleaseRepository releases;
    private final SeatRepository seats;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Releases(
            Centres centres,
            ReleaseRepository releases,
            SeatRepository seats,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.centres = centres;
        this.releases = releases;
        this.seats = seats;
    }

    /**
     * Creates the release and its appointment pairs, or refuses it whole: {@code INSUFFICIENT_DOSES} where the
     * confirmed deliveries (less the doses of every earlier release) cannot cover the series asked for,
     * {@code NO_SECOND_DOSE_CAPACITY} where not a single series can be paired. Releases of one centre are created
     * one at a time (the centre row is locked), so two releases never pair the same seat. What it creates is what
     * {@link #preview} showed for the same request, as long as nothing changed at the centre in between.
     */
    @Transactional
    public Release create(NewRelease wanted) {
        checkTimes(wanted);
        if (centres.lock(wanted.centreId()).closed()) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "CENTRE_CLOSED",
                    "The centre " + wanted.centreId() + " is closed; reopen it before releasing appointments.");
        }
        Plan plan = plan(wanted);
        if (plan.preview() instanceof ReleasePreview.Refused refused) {
            throw Refusal.invalid(refused.code(), refused.detail());
        }
        long releaseId = releases.insert(wanted, plan.pairs().size());
        seats.pairUp(wanted.centreId(), releaseId, wanted, plan.pairs());
        Release release = releases.find(releaseId).orElseThrow();
        audit.record(
                "RELEASE_CREATED",
                "release:" + releaseId,
                release.series() + " series of " + wanted.vaccine().id() + " at " + wanted.centreId() + ", "
                        + wanted.channel() + ", opens " + wanted.opensAt());
        events.publishEvent(new ReleaseScheduled(release));
        return release;
    }

    /**
     * What {@link #create} would do with this request now, without writing anything: the same ledger check and the
     * same pairing over the same free seats.
     */
    @Transactional(readOnly = true)
    public ReleasePreview preview(NewRelease wanted) {
        checkTimes(wanted);
        if (centres.find(wanted.centreId()).isEmpty()) {
            throw Refusal.notFound("Centre " + wanted.centreId());
        }
        return plan(wanted).preview();
    }

    private static void checkTimes(NewRelease wanted) {
        if (wanted.firstDoseTo().isBefore(wanted.firstDoseFrom())) {
            throw Refusal.invalid("INVALID_RANGE", "firstDoseTo must not be before firstDoseFrom.");
        }
        if (wanted.spillAt() != null && wanted.channel() == Channel.ONLINE) {
            throw Refusal.invalid("INVALID_SPILL", "Only a PHONE or INVITATION release can spill to ONLINE (spillAt).");
        }
        if (wanted.spillAt() != null && !wanted.spillAt().isAfter(wanted.opensAt())) {
            throw Refusal.invalid("INVALID_SPILL", "spillAt must be after opensAt.");
        }
    }

    /** The preview and, where feasible, the pairs behind it. */
    private record Plan(ReleasePreview preview, List<SeatPair> pairs) {}

    private Plan plan(NewRelease wanted) {
        long dosesNeeded = (long) wanted.series() * wanted.vaccine().doses();
        long confirmed = centres.confirmedDoses(wanted.centreId(), wanted.vaccine(), wanted.firstDoseTo());
        long available = confirmed - releases.dosesPromised(wanted.centreId(), wanted.vaccine());
        if (dosesNeeded > available) {
            return refused(
                    wanted,
                    "INSUFFICIENT_DOSES",
                    "Confirmed deliveries cover " + Math.max(0, available) + " more doses of "
                            + wanted.vaccine().id() + " at this centre; " + dosesNeeded + " are needed.");
        }
        List<FreeSeat> free = seats.free(
                wanted.centreId(),
                wanted.firstDoseFrom(),
                wanted.firstDoseTo().plusDays(wanted.vaccine().maxDays()));
        if (free.stream().noneMatch(seat -> !BerlinTime.dayOf(seat.startsAt()).isAfter(wanted.firstDoseTo()))) {
            return refused(wanted, "NO_CAPACITY", "The centre has no free seats on the 1st-dose days.");
        }
        List<SeatPair> pairs =
                new Pairing(wanted.vaccine()).pair(free, wanted.firstDoseFrom(), wanted.firstDoseTo(), wanted.series());
        if (pairs.isEmpty()) {
            return refused(
                    wanted,
                    "NO_SECOND_DOSE_CAPACITY",
                    "No 1st-dose seat could be paired with a free 2nd-dose seat "
                            + wanted.vaccine().minDays() + "–"
                            + wanted.vaccine().maxDays() + " days later at this centre.");
        }
        SortedMap<LocalDate, Integer> firstDays = new TreeMap<>();
        SortedMap<LocalDate, Integer> secondDays = new TreeMap<>();
        for (SeatPair pair : pairs) {
            firstDays.merge(BerlinTime.dayOf(pair.first().startsAt()), 1, Integer::sum);
            if (pair.second() != null) {
                secondDays.merge(BerlinTime.dayOf(pair.second().startsAt()), 1, Integer::sum);
            }
        }
        return new Plan(
                new ReleasePreview.Feasible(
                        wanted,
                        pairs.size(),
                        firstDays,
                        secondDays,
                        available,
                        (long) pairs.size() * wanted.vaccine().doses(),
                        wanted.eligibility()),
                pairs);
    }

    private static Plan refused(NewRelease wanted, String code, String detail) {
        return new Plan(new ReleasePreview.Refused(wanted, code, detail), List.of());
    }

    /**
     * Pauses a release: from the commit on, no claim holds its series (a claim reads the releases at its start, so
     * one that began before may still finish); holds and bookings made stay, and so does everything else.
     */
    @Transactional
    public ReleaseChange pause(long id) {
        Optional<Release> found = releases.find(id);
        if (found.isEmpty()) {
            return new ReleaseChange.NotFound(id);
        }
        CentreAccess.require(found.get().centreId());
        if (!releases.pause(id, clock.instant())) {
            return new ReleaseChange.Unchanged(found.get());
        }
        audit.record("RELEASE_PAUSED", "release:" + id, found.get().centreId());
        events.publishEvent(new InventoryChanged(found.get().centreId()));
        return new ReleaseChange.Done(releases.find(id).orElseThrow(), 0);
    }

    /** Lets a paused (not withdrawn) release offer its free series again. */
    @Transactional
    public ReleaseChange resume(long id) {
        Optional<Release> found = releases.find(id);
        if (found.isEmpty()) {
            return new ReleaseChange.NotFound(id);
        }
        CentreAccess.require(found.get().centreId());
        if (found.get().isWithdrawn()) {
            return new ReleaseChange.Refused(found.get(), "RELEASE_WITHDRAWN");
        }
        if (!releases.resume(id)) {
            return new ReleaseChange.Unchanged(found.get());
        }
        audit.record("RELEASE_RESUMED", "release:" + id, found.get().centreId());
        events.publishEvent(new InventoryChanged(found.get().centreId()));
        return new ReleaseChange.Done(releases.find(id).orElseThrow(), 0);
    }

    /**
     * Withdraws a release's unbooked series: the release is paused for good, and every series with neither a booking
     * nor a live hold is deleted, its seats free for a later release and its doses back in the ledger, in one
     * statement that re-checks each row it locks, so a series held or booked meanwhile stays. Series that a hold or a
     * booking gives back later are withdrawn by {@link #sweepWithdrawn}. Running it again withdraws what was freed
     * since.
     */
    @Transactional
    public ReleaseChange withdraw(long id) {
        Optional<Release> found = releases.find(id);
        if (found.isEmpty()) {
            return new ReleaseChange.NotFound(id);
        }
        CentreAccess.require(found.get().centreId());
        Instant now = clock.instant();
        boolean marked = releases.markWithdrawn(id, now);
        int withdrawn = seats.withdrawFreePairsOfWithdrawn(id, now);
        if (!marked && withdrawn == 0) {
            return new ReleaseChange.Unchanged(found.get());
        }
        audit.record(
                "RELEASE_WITHDRAWN", "release:" + id, found.get().centreId() + ": " + withdrawn + " unbooked series");
        events.publishEvent(new InventoryChanged(found.get().centreId()));
        return new ReleaseChange.Done(releases.find(id).orElseThrow(), withdrawn);
    }

    /**
     * Withdraws the series of withdrawn releases that an expired hold or a cancellation has freed since; one statement,
     * safe on every instance at once.
     */
    @Scheduled(fixedDelayString = "${impftermin.inventory.withdraw-sweep-interval:10s}", initialDelayString = "10s")
    void sweepWithdrawn() {
        seats.withdrawFreePairsOfWithdrawn(null, clock.instant());
    }

    /** Booked series per release of the centre. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> bookedSeries(String centreId) {
        return releases.bookedSeries(centreId);
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
