package de.impftermin.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An expected refusal of a use case (no appointments left, wrong code, not eligible …), carried to the HTTP edge and
 * answered as problem+json with its machine-readable {@code code}. Nothing has changed when one is thrown: it is
 * thrown before any write or rolls its transaction back.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable Duration retryAfter;

    public Refusal(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    public Refusal(HttpStatus status, String code, String detail, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public static Refusal notFound(String what) {
        return new Refusal(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static Refusal invalid(String code, String detail) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }
}
