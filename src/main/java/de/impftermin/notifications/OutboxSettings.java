package de.impftermin.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dispatcher works through the outbox ({@code impftermin.outbox.*}); the poll interval is
 * {@code impftermin.outbox.poll} (default 200 ms).
 *
 * @param batch how many due messages one round leases
 * @param senders how many messages are handed to the gateways at once
 * @param lease how long a leased message is left to its dispatcher before another may take it; longer than the
 *     slowest send (the gateways time out after 10 to 15 s)
 * @param backoffBase the wait after the first failure; it doubles with each further failure
 * @param backoffMax the longest wait between two attempts
 * @param maxAttempts after this many failed attempts a message is a dead letter and no longer tried
 * @param delayedAfter a channel counts as delayed while the 90th percentile of its recent delivery delays is at least
 *     this long
 */
@ConfigurationProperties("impftermin.outbox")
record OutboxSettings(
        @DefaultValue("50") int batch,
        @DefaultValue("8") int senders,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("60s") Duration delayedAfter) {

    OutboxSettings {
        if (batch < 1 || senders < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("impftermin.outbox.batch, senders and max-attempts must be positive");
        }
    }

    /** The wait before the next attempt after {@code failures} failed ones: base, 2 × base, 4 × base … up to max. */
    Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = backoffBase.multipliedBy(1L << doublings);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
