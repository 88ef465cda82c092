package de.impftermin.operations;

/** The answer to marking an appointment: the appointment as it now is, or why it was refused. */
public sealed interface MarkResult {

    /** Marked, or already in that state ({@code changed} false: nothing was written). */
    record Marked(DayListEntry appointment, boolean changed) implements MarkResult {}

    record NotFound(String reference) implements MarkResult {}

    record Refused(DayListEntry appointment, String reason) implements MarkResult {}
}
