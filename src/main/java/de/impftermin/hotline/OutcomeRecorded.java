package de.impftermin.hotline;

import java.util.UUID;

/** The answer to an agent's outcome; refusals are values and change nothing. */
public sealed interface OutcomeRecorded {

    record Recorded(UUID id, String status) implements OutcomeRecorded {}

    record UnknownCallBack() implements OutcomeRecorded {}

    /** BOOKED without a booking code. */
    record BookingCodeRequired() implements OutcomeRecorded {}

    /** The request is not being called by this agent (waiting, closed, or taken by another agent). */
    record NotYours(String detail) implements OutcomeRecorded {}
}
