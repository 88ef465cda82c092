package de.impftermin.shared;

/** Where a booking comes from, and which contingent a release serves. */
public enum Channel {
    ONLINE,
    PHONE
}
