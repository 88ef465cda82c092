package de.impftermin.eligibility;

/** The answer to "may these people book under this rule?": a value, never an exception. */
public sealed interface EligibilityDecision {

    record Eligible() implements EligibilityDecision {}

    /** Not eligible, with a reason a person can read (English; the portal translates by {@code reason}). */
    record NotEligible(Reason reason, String explanation) implements EligibilityDecision {}

    enum Reason {
        TOO_YOUNG,
        TOO_OLD,
        OUTSIDE_CATCHMENT_AREA
    }

    default boolean eligible() {
        return this instanceof Eligible;
    }
}
