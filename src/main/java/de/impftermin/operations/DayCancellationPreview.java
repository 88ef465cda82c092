package de.impftermin.operations;

/**
 * What cancelling a day would touch, nothing written: its bookings, their persons, and how many of the bookings could
 * be moved to free series at this centre now (an estimate: citizens keep booking until the day is closed).
 */
public record DayCancellationPreview(int bookings, int persons, int movable) {}
