package de.impftermin.hotline.domain;

/** What recording an outcome did: the request's next state, or a refusal that changes nothing. */
public sealed interface Resolution {

    /** @param givenUp the last attempt did not reach the caller: the request is closed and the caller told so */
    record Resolved(CallBack next, boolean givenUp) implements Resolution {}

    record Refused(Reason reason) implements Resolution {}

    enum Reason {
        /** The request is waiting or closed, not being called: nothing to record. */
        NOT_BEING_CALLED,
        /** Another agent took it (this agent's lease had ended). */
        TAKEN_BY_ANOTHER_AGENT,
        /** BOOKED needs the booking code. */
        BOOKING_CODE_REQUIRED
    }
}
