package de.impftermin.privacy;

/** The answer to a citizen deleting their cancelled booking's personal data. */
public sealed interface Erasure {

    /** The booking is anonymised, and with it deleted what belonged to it. */
    record Erased(String code, int persons, int messages, int waitlist, int callBacks) implements Erasure {}

    record Refused(CitizenRequest reason) implements Erasure {}
}
