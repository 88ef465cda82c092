package de.impftermin.waitlist.domain;

import java.time.Instant;
import java.util.UUID;

/** Series held for a registration until {@code expiresAt}: the hold of the inventory module with a long deadline. */
public record Offer(UUID holdId, String centreId, Instant madeAt, Instant expiresAt) {

    /** Live strictly before its deadline, exactly as the hold it stands for. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
