package de.impftermin.admission.domain;

/** Where a ticket stands right now: admitted, waiting at {@code position} (1 = next) or told that all is gone. */
public record Standing(Kind kind, long position, long etaSeconds) {

    public enum Kind {
        WAITING,
        ADMITTED,
        SOLD_OUT
    }
}
