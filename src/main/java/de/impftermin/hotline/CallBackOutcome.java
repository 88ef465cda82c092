package de.impftermin.hotline;

/** How an agent's call ended. */
public enum CallBackOutcome {
    /** The caller was booked; the booking code is recorded. */
    BOOKED,
    /** Nobody answered: the request waits again, at most three attempts in all. */
    NOT_REACHED,
    /** The caller no longer needs an appointment (booked elsewhere, changed their mind). */
    NO_LONGER_NEEDED
}
