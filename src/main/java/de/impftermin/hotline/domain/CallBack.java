package de.impftermin.hotline.domain;

import de.impftermin.hotline.CallBackOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's request to be called back, and its life cycle:
 *
 * <pre>
 * QUEUED --take--> CALLING --BOOKED / NO_LONGER_NEEDED / 3rd NOT_REACHED--> DONE
 *   ^                 |
 *   +--NOT_REACHED----+  (due again after the retry delay)
 * </pre>
 *
 * A CALLING request whose lease has ended may be taken again (the agent went away); {@code attempts} counts only the
 * calls that did not reach the caller. The claim statement selects only requests {@link #claimableAt claimable}; the
 * aggregate still guards every transition, and refuses an outcome as a value.
 */
public record CallBack(
        UUID id,
        String phone,
        String postalCode,
        int persons,
        Status status,
        int attempts,
        Instant dueAt,
        @Nullable String agent,
        @Nullable Instant leaseExpiresAt,
        @Nullable CallBackOutcome outcome,
        @Nullable String bookingCode,
        int version) {

    public enum Status {
        QUEUED,
        CALLING,
        DONE
    }

    /** The rules an outcome follows: how often a caller is tried, and how long the request rests in between. */
    public record RetryPolicy(int maxAttempts, Duration retryDelay) {}

    public static CallBack queue(UUID id, String phone, String postalCode, int persons, Instant now) {
        return new CallBack(id, phone, postalCode, persons, Status.QUEUED, 0, now, null, null, null, null, 0);
    }

    public boolean isOpen() {
        return status != Status.DONE;
    }

    public boolean claimableAt(Instant now) {
        return switch (status) {
            case QUEUED -> !dueAt.isAfter(now);
            case CALLING -> leaseExpiresAt != null && !leaseExpiresAt.isAfter(now);
            case DONE -> false;
        };
    }

    /** Taken by an agent until {@code now + lease}. Only a claimable request can be taken. */
    public CallBack takenBy(String agent, Instant now, Duration lease) {
        if (!claimableAt(now)) {
            throw new IllegalStateException("call-back " + id + " is not claimable (" + status + ")");
        }
        return new CallBack(
                id,
                phone,
                postalCode,
                persons,
                Status.CALLING,
                attempts,
                dueAt,
                agent,
                now.plus(lease),
                null,
                null,
                version);
    }

    /** The agent's outcome, or why it cannot be recorded. */
    public Resolution resolve(
            CallBackOutcome result, @Nullable String code, String byAgent, Instant now, RetryPolicy policy) {
        if (status != Status.CALLING) {
            return new Resolution.Refused(Resolution.Reason.NOT_BEING_CALLED);
        }
        if (!Objects.equals(agent, byAgent)) {
            return new Resolution.Refused(Resolution.Reason.TAKEN_BY_ANOTHER_AGENT);
        }
        return switch (result) {
            case BOOKED ->
                code == null || code.isBlank()
                        ? new Resolution.Refused(Resolution.Reason.BOOKING_CODE_REQUIRED)
                        : new Resolution.Resolved(closed(result, code.strip(), attempts), false);
            case NO_LONGER_NEEDED -> new Resolution.Resolved(closed(result, null, attempts), false);
            case NOT_REACHED -> notReached(now, policy);
        };
    }

    private Resolution notReached(Instant now, RetryPolicy policy) {
        int tried = attempts + 1;
        if (tried >= policy.maxAttempts()) {
            return new Resolution.Resolved(closed(CallBackOutcome.NOT_REACHED, null, tried), true);
        }
        return new Resolution.Resolved(
                new CallBack(
                        id,
                        phone,
                        postalCode,
                        persons,
                        Status.QUEUED,
                        tried,
                        now.plus(policy.retryDelay()),
                        null,
                        null,
                        CallBackOutcome.NOT_REACHED,
                        null,
                        version),
                false);
    }

    private CallBack closed(CallBackOutcome result, @Nullable String code, int tried) {
        return new CallBack(
                id, phone, postalCode, persons, Status.DONE, tried, dueAt, agent, null, result, code, version);
    }
}
