package de.impftermin.hotline;

import java.time.Duration;

/** The answer to a call-back request; refusals are values, mapped to problem+json at the web edge. */
public sealed interface CallBackRequested {

    /** @param created false when the phone already had an open request: that one is answered */
    record Queued(CallBackView callBack, boolean created) implements CallBackRequested {}

    /** No valid verification token for a phone number. */
    record VerificationRequired() implements CallBackRequested {}

    /** Past the sending limits of {@link de.impftermin.verification.SendingLimits}. */
    record TooManyRequests(Duration retryAfter) implements CallBackRequested {}

    /** A postal code that is not 5 digits, or persons outside 1–4. */
    record Invalid(String code, String detail) implements CallBackRequested {}
}
