package de.impftermin.operations.domain;

/** Where a booked appointment stands on its day. */
public enum VisitStatus {
    BOOKED,
    CHECKED_IN,
    VACCINATED,
    NO_SHOW
}
