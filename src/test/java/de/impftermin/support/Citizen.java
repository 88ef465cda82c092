package de.impftermin.support;

/**
 * A citizen ready to book: a verified address (its token) and an admission pass from the waiting room. The header
 * helpers give the name/value pairs {@link Api} takes.
 */
public record Citizen(String address, String token, String pass) {

    public String[] holdHeaders() {
        return new String[] {"X-Verification-Token", token, "X-Admission-Pass", pass};
    }

    public String[] bookingHeaders() {
        return new String[] {"X-Verification-Token", token};
    }

    public String[] bookingHeaders(String idempotencyKey) {
        return new String[] {"X-Verification-Token", token, "Idempotency-Key", idempotencyKey};
    }
}
