package de.impftermin.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * What a well-behaved client does with {@code 503 Service Unavailable}: wait as {@code Retry-After} says (capped
 * here at a second, with jitter) and try again. Racing tests use it, since the overload protection turns part of a
 * burst of 200 requests away at once; the outcome they check is the one after the retries.
 */
public final class Overload {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Overload() {}

    public static ApiResponse retry(Supplier<ApiResponse> call) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            ApiResponse response = call.get();
            if (response.status() != 503 || Instant.now().isAfter(deadline)) {
                return response;
            }
            long retryAfterMillis = response.header("Retry-After")
                    .map(s -> Long.parseLong(s.strip()) * 1000)
                    .orElse(200L);
            long wait = Math.min(1000, retryAfterMillis) / 4
                    + ThreadLocalRandom.current().nextLong(50, 250);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }
}
