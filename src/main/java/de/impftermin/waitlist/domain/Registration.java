package de.impftermin.waitlist.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One registration on the waitlist and its life cycle. It waits until the engine makes it an offer; an accepted offer
 * books it, a declined or expired one puts it back in line (at the end) until it has missed {@code maxMissed} offers,
 * then it ends. Withdrawing ends it at any time before it is booked. Every transition is a method here that refuses
 * what the current state does not allow, so no SQL {@code WHERE} is the only place the rule lives.
 */
public final class Registration {

    public enum Status {
        WAITING,
        OFFERED,
        BOOKED,
        WITHDRAWN,
        ENDED
    }

    /** What happens when the citizen answers "yes" to an offer. */
    public sealed interface Acceptance {
        record Bookable(Offer offer) implements Acceptance {}

        record Expired() implements Acceptance {}

        record NoOffer(Status status) implements Acceptance {}
    }

    /** Where a missed (declined or expired) offer leaves the registration. */
    public enum AfterMiss {
        BACK_IN_LINE,
        ENDED
    }

    private final UUID id;
    private Status status;
    private int missedOffers;
    private @Nullable Offer offer;

    public Registration(UUID id, Status status, int missedOffers, @Nullable Offer offer) {
        this.id = id;
        this.status = status;
        this.missedOffers = missedOffers;
        this.offer = status == Status.OFFERED ? offer : null;
    }

    public static Registration waiting(UUID id) {
        return new Registration(id, Status.WAITING, 0, null);
    }

    public void offer(Offer offer) {
        require(Status.WAITING, "offer");
        this.offer = offer;
        this.status = Status.OFFERED;
    }

    public Acceptance accept(Instant now) {
        if (status != Status.OFFERED || offer == null) {
            return new Acceptance.NoOffer(status);
        }
        return offer.isLiveAt(now) ? new Acceptance.Bookable(offer) : new Acceptance.Expired();
    }

    public void booked() {
        require(Status.OFFERED, "book");
        status = Status.BOOKED;
        offer = null;
    }

    /** A declined offer, or one whose deadline passed: back in line, or ended after {@code maxMissed} misses. */
    public AfterMiss missed(int maxMissed) {
        require(Status.OFFERED, "miss an offer of");
        missedOffers++;
        offer = null;
        status = missedOffers >= maxMissed ? Status.ENDED : Status.WAITING;
        return status == Status.ENDED ? AfterMiss.ENDED : AfterMiss.BACK_IN_LINE;
    }

    /** A person of it was booked elsewhere: it leaves the line, and a live offer with it. */
    public void endBecauseBookedElsewhere() {
        if (!isOpen()) {
            throw new IllegalStateException("Cannot end a registration that is " + status);
        }
        status = Status.ENDED;
        offer = null;
    }

    /** @return whether it was withdrawn now (withdrawing twice is harmless, a booked one cannot be withdrawn) */
    public boolean withdraw() {
        if (status != Status.WAITING && status != Status.OFFERED) {
            return false;
        }
        status = Status.WITHDRAWN;
        offer = null;
        return true;
    }

    public boolean isOpen() {
        return status == Status.WAITING || status == Status.OFFERED;
    }

    public UUID id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public int missedOffers() {
        return missedOffers;
    }

    public @Nullable Offer offer() {
        return offer;
    }

    private void require(Status expected, String what) {
        if (status != expected) {
            throw new IllegalStateException("Cannot " + what + " a registration that is " + status);
        }
    }
}
