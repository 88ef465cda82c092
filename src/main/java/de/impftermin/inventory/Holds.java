package de.impftermin.inventory;

import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityDecision;
import de.impftermin.inventory.domain.InvitationCode;
import de.impftermin.platform.GroupCommit;
import de.impftermin.platform.GroupCommits;
import de.impftermin.platform.ImpfterminProperties;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim engine. A hold claims one pair per person in one statement with {@code FOR UPDATE SKIP LOCKED}: concurrent
 * claimers never wait on each other and never get the same row. A household gets all its pairs or none. Citizens'
 * holds are committed in groups ({@link GroupCommit}); the hotline's one-step booking claims in its own transaction.
 */
@Service
public class Holds {

    /** Free pairs on either side of the wanted time that a claim looks at first. */
    private static final int NEAR = 32;

    private final Centres centres;
    private final PairRepository pairs;
    private final ReleaseRepository releases;
    private final ImpfterminProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GroupCommit commits;
    private final InvitationRepository invitations;
    private final Invitations invitationCodes;
    private final CentreClosures closures;

    Holds(
            Centres centres,
            PairRepository pairs,
            ReleaseRepository releases,
            InvitationRepository invitations,
            Invitations invitationCodes,
            CentreClosures closures,
            ImpfterminProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            GroupCommits groupCommits) {
        this.centres = centres;
        this.pairs = pairs;
        this.releases = releases;
        this.invitations = invitations;
        this.invitationCodes = invitationCodes;
        this.closures = closures;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.commits = groupCommits.create("holds");
    }

    /**
     * Claims the pairs, nearest to the wanted time and so adjacent for a household. A subject holds one set of pairs
     * at a time: a new hold gives the pairs of its earlier live hold back at once (choosing again must not keep
     * appointments from others for ten minutes), and the earlier hold can no longer be confirmed.
     *
     * @throws Refusal {@code NOT_ELIGIBLE} (403) when releases are open but none admits every person,
     *     {@code NOT_FOUND} (404) for an unknown centre,
     *     {@code NO_APPOINTMENTS} (409) when nothing suitable is free, {@code INVITATION_REQUIRED} (403) for a wrong
     *     invitation code, {@code TOO_MANY_REQUESTS} (429) after too many wrong ones
     */
    public Hold hold(HoldRequest request) {
        if (request.invitationCode() != null) {
            checkGuessLimit(request.subject(), request.invitationCode());
        }
        Instant now = clock.instant();
        UUID holdId = UUID.randomUUID();
        Instant expiresAt = now.plus(properties.holdDuration());
        // one unit of the holds' group commit: the releases are read on the batch's connection, every refusal is
        // decided before the claim statement, which holds or changes nothing
        List<Series> held = commits.run(() -> claim(request, now, holdId, expiresAt));
        events.publishEvent(new InventoryChanged(request.centreId()));
        return new Hold(holdId, request.centreId(), request.subject(), expiresAt, request.applicants(), held);
    }

    private List<Series> claim(HoldRequest request, Instant now, UUID holdId, Instant expiresAt) {
        List<Release> ofCentre = releases.ofCentre(request.centreId());
        Optional<Invited> invited = invited(request, ofCentre, now);
        List<Channel> channels = invited.isPresent() ? List.of(Channel.INVITATION) : request.channels();
        List<Release> open = ofCentre.stream()
                .filter(r -> r.isOpenAt(now))
                .filter(r -> invited.isEmpty() || r.id() == invited.get().releaseId())
                .filter(r -> channels.stream().anyMatch(c -> r.offers(c, now)))
                .filter(r -> request.vaccine() == null || r.vaccine() == request.vaccine())
                .filter(r -> !r.firstDoseFrom().isAfter(request.date())
                        && !r.firstDoseTo().isBefore(request.date()))
                .toList();
        List<Release> eligible = open.stream()
                .filter(r -> r.eligibility().decideAll(request.applicants()).eligible())
                .toList();
        if (!open.isEmpty() && eligible.isEmpty()) {
            EligibilityDecision refusal = open.getFirst().eligibility().decideAll(request.applicants());
            throw new GroupCommit.Unwritten(new Refusal(
                    HttpStatus.FORBIDDEN,
                    "NOT_ELIGIBLE",
                    refusal instanceof EligibilityDecision.NotEligible no
                            ? no.explanation()
                            : "Not eligible for these appointments."));
        }
        int wanted = request.applicants().size();
        Instant wantedAt = BerlinTime.at(request.date(), request.time() == null ? LocalTime.MIDNIGHT : request.time());
        for (Channel channel : channels) {
            long[] releaseIds = eligible.stream()
                    .filter(r -> r.offers(channel, now))
                    .mapToLong(Release::id)
                    .toArray();
            if (releaseIds.length == 0) {
                continue;
            }
            List<Series> near = pairs.hold(request, releaseIds, wantedAt, NEAR, now, holdId, expiresAt);
            // the pairs near the wanted time are taken or being taken: the whole day before saying "gone"
            List<Series> taken = near.isEmpty()
                    ? pairs.hold(request, releaseIds, wantedAt, Integer.MAX_VALUE, now, holdId, expiresAt)
                    : near;
            if (taken.size() == wanted) {
                if (invited.isPresent()
                        && !invitations.claim(invited.get().hash(), holdId, request.subject(), expiresAt, now)) {
                    // another hold took the code after we read it: written already, so the batch rolls back
                    throw invitationUsed();
                }
                return taken;
            }
        }
        if (open.isEmpty() && centres.find(request.centreId()).isEmpty()) {
            throw new GroupCommit.Unwritten(Refusal.notFound("Centre " + request.centreId()));
        }
        if (invited.isEmpty() && invitationOnly(ofCentre, request, now)) {
            throw new GroupCommit.Unwritten(invitationRequired("These appointments need a personal invitation code."));
        }
        throw new GroupCommit.Unwritten(new Refusal(
                HttpStatus.CONFLICT,
                "NO_APPOINTMENTS",
                wanted == 1
                        ? "No appointment is free at this centre on this day."
                        : "Not enough appointments for " + wanted + " people are free at this centre on this day."));
    }

    /**
     * Locks the free series of open ONLINE releases at these centres for the caller's transaction (earliest first,
     * at most {@code limit}), skipping rows anyone else has locked: the waitlist's engine offers from this pool, and
     * neither a citizen nor another engine instance can take the same series meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Series> lockFree(Collection<String> centreIds, int limit) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return pairs.lockFree(centreIds.toArray(String[]::new), limit, clock.instant());
    }

    /**
     * Holds series that {@link #lockFree} locked in this transaction, one per applicant in the given order, until
     * {@code expiresAt} (a waitlist offer's long deadline).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hold holdLocked(List<Series> series, List<Applicant> applicants, String subject, Instant expiresAt) {
        UUID holdId = UUID.randomUUID();
        String centreId = series.getFirst().centreId();
        long[] ids = series.stream().mapToLong(Series::pairId).toArray();
        int held = pairs.holdLocked(holdId, centreId, ids, subject, applicants, expiresAt);
        if (held != series.size() || series.stream().anyMatch(s -> !s.centreId().equals(centreId))) {
            throw new IllegalStateException("Series to hold were not locked by this transaction: " + series);
        }
        events.publishEvent(new InventoryChanged(centreId));
        return new Hold(holdId, centreId, subject, expiresAt, applicants, series);
    }

    /** Ends a hold at once: its pairs are free again now, not at its deadline. Ending it twice is harmless. */
    @Transactional
    public void endHold(UUID holdId, String centreId) {
        pairs.endHold(holdId, clock.instant());
        events.publishEvent(new InventoryChanged(centreId));
    }

    /**
     * A code that is no code counts against the subject's limit, in a transaction of its own before the claim (the
     * claim's group commit must not carry it); the claim then checks again what the code is valid for.
     */
    private void checkGuessLimit(String subject, String typed) {
        switch (invitationCodes.lookUp(subject, typed)) {
            case Invitations.Lookup.TooManyWrongCodes tooMany ->
                throw new Refusal(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "TOO_MANY_REQUESTS",
                        "Too many wrong invitation codes. Please check the code on your letter and try again later.",
                        tooMany.retryAfter());
            case Invitations.Lookup.Unknown unknown ->
                throw invitationRequired("This invitation code is not valid for appointments at this centre.");
            case Invitations.Lookup.Used used -> throw invitationUsed();
            case Invitations.Lookup.Valid valid -> {}
        }
    }

    /** The code presented and the release it opens; checked before anything is written. */
    private record Invited(String hash, long releaseId) {}

    private Optional<Invited> invited(HoldRequest request, List<Release> ofCentre, Instant now) {
        if (request.invitationCode() == null) {
            return Optional.empty();
        }
        var code = InvitationCode.parse(request.invitationCode());
        var stored = code.flatMap(c -> invitations.find(c.hash()));
        if (stored.isEmpty()
                || ofCentre.stream().noneMatch(r -> r.id() == stored.get().releaseId())) {
            throw new GroupCommit.Unwritten(
                    invitationRequired("This invitation code is not valid for appointments at this centre."));
        }
        if (request.applicants().size() > stored.get().householdSize()) {
            throw new GroupCommit.Unwritten(invitationRequired(
                    "This invitation code is for at most " + stored.get().householdSize() + " people."));
        }
        if (stored.get().usedAgainst(request.subject(), now)) {
            throw new GroupCommit.Unwritten(invitationUsed());
        }
        return Optional.of(new Invited(code.get().hash(), stored.get().releaseId()));
    }

    /** An open INVITATION release (not yet spilled) that would have served this request with a code. */
    private static boolean invitationOnly(List<Release> ofCentre, HoldRequest request, Instant now) {
        return ofCentre.stream()
                .anyMatch(r -> r.channel() == Channel.INVITATION
                        && r.isOpenAt(now)
                        && !r.offers(Channel.ONLINE, now)
                        && !r.firstDoseFrom().isAfter(request.date())
                        && !r.firstDoseTo().isBefore(request.date()));
    }

    private static Refusal invitationRequired(String detail) {
        return new Refusal(HttpStatus.FORBIDDEN, "INVITATION_REQUIRED", detail);
    }

    private static Refusal invitationUsed() {
        return new Refusal(HttpStatus.CONFLICT, "INVITATION_USED", "This invitation code has been used already.");
    }

    /**
     * Claims like {@link #hold}, but in the caller's transaction (staff moving a booking): the hold row and its pairs
     * commit or roll back with the caller's other writes. Empty where nothing suitable is free or nobody is eligible.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Hold> holdInTransaction(HoldRequest request) {
        Instant now = clock.instant();
        UUID holdId = UUID.randomUUID();
        Instant expiresAt = now.plus(properties.holdDuration());
        try {
            List<Series> held = claim(request, now, holdId, expiresAt);
            events.publishEvent(new InventoryChanged(request.centreId()));
            return Optional.of(
                    new Hold(holdId, request.centreId(), request.subject(), expiresAt, request.applicants(), held));
        } catch (GroupCommit.Unwritten refused) {
            return Optional.empty();
        }
    }

    /**
     * Closes {@code day} at the centre for new holds (see {@link PairRepository#close}); run again after freeing a
     * booking of that day, so its pairs stay closed too.
     *
     * @return the pairs closed now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int closeDay(String centreId, LocalDate day, UUID closure) {
        int closed = pairs.close(centreId, day, closure);
        events.publishEvent(new InventoryChanged(centreId));
        return closed;
    }

    /** Free series of {@code vaccine} per 1st-dose day in {@code [from, to]}, for a preview. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Integer> freeSeriesByDay(String centreId, Vaccine vaccine, LocalDate from, LocalDate to) {
        return pairs.freeByDay(centreId, vaccine, from, to, clock.instant());
    }

    /**
     * The 2nd dose of a booked series will not be given (its 1st dose was missed): the seat is free for the next
     * release to pair, and the dose is back in the ledger.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean dropSecondDose(String centreId, long pairId) {
        boolean dropped = pairs.detachSecondDose(centreId, pairId);
        events.publishEvent(new InventoryChanged(centreId));
        return dropped;
    }

    @Transactional(readOnly = true)
    public Optional<Hold> find(UUID holdId) {
        return pairs.findHold(holdId);
    }

    /**
     * Turns a live hold, read by {@link #find} in the caller's transaction, into the booking's pairs: one guarded
     * update that only succeeds while the hold is live and still owns every one of its pairs. Pairs only ever leave a
     * hold (a re-claim after expiry gives them another hold id), so when the update finds one pair per applicant,
     * they are the series the caller read.
     *
     * @throws Refusal {@code HOLD_EXPIRED} (410) when the hold expired or its pairs were claimed again
     */
    @Transactional
    public List<Series> assignToBooking(Hold hold, long bookingId) {
        int assigned = pairs.assign(hold.id(), bookingId, clock.instant());
        if (assigned != hold.applicants().size() || hold.series().size() != assigned) {
            throw expired();
        }
        invitations.use(hold.id(), bookingId, clock.instant());
        return hold.series();
    }

    /** Frees the pairs of a cancelled booking at once (at a closed centre they stay out of sale). */
    @Transactional
    public void releaseBooking(String centreId, long bookingId) {
        pairs.free(centreId, bookingId);
        closures.keepClosed(centreId);
        events.publishEvent(new InventoryChanged(centreId));
    }

    @Transactional(readOnly = true)
    public List<Series> ofBooking(String centreId, long bookingId) {
        return pairs.ofBooking(centreId, bookingId);
    }

    private static Refusal expired() {
        return new Refusal(
                HttpStatus.GONE, "HOLD_EXPIRED", "The held appointments are no longer reserved; please choose again.");
    }
}
