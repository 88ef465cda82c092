package de.impftermin.waitlist;

import de.impftermin.booking.Bookings;
import de.impftermin.inventory.Hold;
import de.impftermin.inventory.Holds;
import de.impftermin.inventory.Series;
import de.impftermin.waitlist.domain.Matching;
import de.impftermin.waitlist.domain.Offer;
import de.impftermin.waitlist.domain.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One round of the offer engine at one centre, one transaction: lock a pool of its free series (SKIP LOCKED: what a citizen or another
 * engine is taking is not in it), then walk the line of registrations for those centres in order, claiming them
 * with SKIP LOCKED in pages no larger than what is left of the pool, and give each the earliest series it fits.
 * Hold, offer row and message are written together: a crash anywhere leaves all of them or none.
 *
 * <p>Order across instances: each engine claims the next registrations in line that nobody else holds, and never
 * more than it has series for, so racing engines together offer to a prefix of the line.
 */
@Component
class OfferRound {

    /** Free series one round locks at most: enough for a burst, small enough that racing engines share the work. */
    static final int POOL = 100;

    /**
     * Registrations one round looks at at most: bounds a round's locks and time where many wait who fit none of the
     * pool (e.g. a release for the over-80s and a line of younger people); the next round starts at the front again.
     */
    static final int MAX_EXAMINED = 5_000;

    private final WaitlistRepository repository;
    private final Holds holds;
    private final Bookings bookings;
    private final Proofs proofs;
    private final OfferMessages messages;
    private final Clock clock;

    OfferRound(
            WaitlistRepository repository,
            Holds holds,
            Bookings bookings,
            Proofs proofs,
            OfferMessages messages,
            Clock clock) {
        this.repository = repository;
        this.holds = holds;
        this.bookings = bookings;
        this.proofs = proofs;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param beforeMessage runs after the offer is written and before its message: tests inject a crash here
     * @return the offers made
     */
    @Transactional
    int run(String centreId, Duration offerDuration, Consumer<Offer> beforeMessage) {
        List<Series> locked = holds.lockFree(List.of(centreId), POOL);
        if (locked.isEmpty()) {
            return 0;
        }
        Map<Long, Series> pool = new HashMap<>();
        locked.forEach(s -> pool.put(s.pairId(), s));
        String[] centres = {centreId};
        Instant now = clock.instant();
        int offers = 0;
        Instant since = null;
        UUID after = null;
        int examined = 0;
        while (!pool.isEmpty() && examined < MAX_EXAMINED) {
            List<Entry> page = repository.claimWaiting(centres, since, after, pool.size());
            examined += page.size();
            for (Entry entry : page) {
                if (pool.isEmpty()) {
                    break;
                }
                if (offer(entry, pool, now, offerDuration, beforeMessage)) {
                    offers++;
                }
            }
            if (page.size() < pool.size() || page.isEmpty()) {
                break;
            }
            since = page.getLast().waitingSince();
            after = page.getLast().id();
        }
        return offers;
    }

    private boolean offer(
            Entry entry, Map<Long, Series> pool, Instant now, Duration offerDuration, Consumer<Offer> beforeMessage) {
        Optional<List<Matching.Candidate>> match = Matching.pick(candidates(pool), entry.wish());
        if (match.isEmpty()) {
            return false;
        }
        Registration registration = entry.registration();
        if (bookings.anyBooked(entry.persons())) {
            registration.endBecauseBookedElsewhere();
            repository.save(registration, false, null, now);
            return false;
        }
        List<Series> series = new ArrayList<>();
        for (Matching.Candidate c : match.get()) {
            series.add(pool.remove(c.pairId()));
        }
        Hold hold = holds.holdLocked(series, entry.applicants(), entry.subject(), now.plus(offerDuration));
        Offer offer = new Offer(hold.id(), hold.centreId(), now, hold.expiresAt());
        registration.offer(offer);
        repository.insertOffer(entry.id(), offer);
        repository.save(registration, false, null, now);
        beforeMessage.accept(offer);
        messages.offered(entry, messages.link(entry, proofs.offerToken(entry.id(), offer)), hold);
        return true;
    }

    private static List<Matching.Candidate> candidates(Map<Long, Series> pool) {
        List<Matching.Candidate> candidates = new ArrayList<>(pool.size());
        for (Series s : pool.values()) {
            candidates.add(
                    new Matching.Candidate(s.pairId(), s.centreId(), s.vaccine(), s.firstStartsAt(), s.eligibility()));
        }
        return candidates;
    }
}
