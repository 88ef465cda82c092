package de.impftermin.shared;

/** Where a booking comes from, and which contingent a release serves. */
public enum Channel {
    ONLINE,
    PHONE,
    /** A contingent bookable only with a personal invitation code (online), until its spill makes it ONLINE. */
    INVITATION
}
