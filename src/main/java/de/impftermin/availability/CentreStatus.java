package de.impftermin.availability;

/** What a citizen learns of a centre at a glance; every centre always has one. */
public enum CentreStatus {
    BOOKABLE,
    FULLY_BOOKED,
    NOT_YET_RELEASED,
    PHONE_ONLY,
    NO_APPOINTMENTS,
    /** Closed by the state office; the centre list says why ({@link CentreSummary#closedNote()}). */
    CLOSED
}
