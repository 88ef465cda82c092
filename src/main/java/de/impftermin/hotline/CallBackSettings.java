package de.impftermin.hotline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The call-back queue's settings ({@code impftermin.hotline.callbacks.*}).
 *
 * @param retryDelay how long a request not reached rests before it is due again
 * @param lease how long an agent's take lasts; an unresolved request is claimable again after it
 * @param maxAttempts calls that did not reach the caller before the request is closed
 * @param defaultPerHour the call-backs per hour the ETA assumes while fewer than {@code minMeasured} were completed
 *     in the last hour
 * @param minMeasured completed call-backs in the last hour from which the measured rate is trusted
 */
@ConfigurationProperties("impftermin.hotline.callbacks")
public record CallBackSettings(
        @DefaultValue("15m") Duration retryDelay,
        @DefaultValue("20m") Duration lease,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("60") int defaultPerHour,
        @DefaultValue("5") int minMeasured) {}
