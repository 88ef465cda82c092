package de.impftermin.hotline.console;

import java.time.LocalTime;

/** The caller's wish for the time of day, as ranges of the 1st dose's start time (Europe/Berlin). */
enum TimeOfDay {
    ANY(LocalTime.MIN, LocalTime.MAX),
    MORNING(LocalTime.MIN, LocalTime.NOON),
    AFTERNOON(LocalTime.NOON, LocalTime.of(17, 0)),
    EVENING(LocalTime.of(17, 0), LocalTime.MAX);

    private final LocalTime from;
    private final LocalTime until;

    TimeOfDay(LocalTime from, LocalTime until) {
        this.from = from;
        this.until = until;
    }

    boolean includes(LocalTime time) {
        return !time.isBefore(from) && (time.isBefore(until) || until == LocalTime.MAX);
    }

    /** Where a hold starts looking for the nearest free time. */
    LocalTime start() {
        return from;
    }
}
