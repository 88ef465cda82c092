package de.impftermin.centres;

/** Published inside the transaction that adds an opening day; its seats are created by the listener. */
public record OpeningDayScheduled(OpeningDay day) {}
