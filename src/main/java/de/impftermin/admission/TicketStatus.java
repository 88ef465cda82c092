package de.impftermin.admission;

import org.jspecify.annotations.Nullable;

/** Where a ticket stands; {@code pass} is set once admitted. */
public record TicketStatus(
        String ticket,
        State state,
        long position,
        long etaSeconds,
        @Nullable String pass) {

    public enum State {
        WAITING,
        ADMITTED,
        SOLD_OUT
    }
}
