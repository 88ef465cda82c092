package de.impftermin.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can set under {@code impftermin.*} (or {@code IMPFTERMIN_*}).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data (ignored when {@code spring.datasource.url} is set)
 * @param devInbox whether the local inbox ({@code /api/v1/dev/outbox}, {@code /dev/inbox}) exists
 * @param adminPassword password of the first administrator {@code admin}; without it no admin is created
 * @param demoData whether to load the demo region into an empty database at start
 * @param holdDuration how long a hold keeps its appointment pairs
 * @param rateLimits sending and request limits; a load test from one address switches them off
 */
@ConfigurationProperties("impftermin")
public record ImpfterminProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean devInbox,
        @Nullable String adminPassword,
        @DefaultValue("false") boolean demoData,
        @DefaultValue("10m") Duration holdDuration,
        @DefaultValue RateLimits rateLimits) {

    public record RateLimits(@DefaultValue("true") boolean enabled) {}
}
