package de.impftermin.verification;

import de.impftermin.platform.ImpfterminProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limits on what a citizen's request may make the platform send: at most {@value #MAX_PER_ADDRESS} messages to
 * one address and {@value #MAX_PER_CLIENT} requests from one client address within {@link #WINDOW}. Verification
 * codes obey them, and so does every other use case that sends an SMS on an anonymous request (a call-back request),
 * each counting its own rows. Switched off by {@code impftermin.rate-limits.enabled=false} (a load test from one
 * address).
 */
@Component
public class SendingLimits {

    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final int MAX_PER_ADDRESS = 5;
    public static final int MAX_PER_CLIENT = 500;

    /** How many requests a use case has counted, in its own table, since an instant. */
    public interface Counts {
        long toAddress(String address, Instant since);

        long byClient(String client, Instant since);
    }

    private final JdbcClient jdbc;
    private final ImpfterminProperties properties;

    SendingLimits(JdbcClient jdbc, ImpfterminProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Whether one more request to {@code address} from {@code client} would pass a limit; if so, the time to wait
     * (for {@code Retry-After}). Requests for one address are serialised until the caller's transaction ends, so the
     * limit is exact even when they race; {@code scope} keeps the locks of different use cases apart.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Duration> exceeded(String scope, String address, String client, Instant now, Counts counts) {
        if (!properties.rateLimits().enabled()) {
            return Optional.empty();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))")
                .param(scope + address)
                .query()
                .singleRow();
        Instant since = now.minus(WINDOW);
        if (counts.toAddress(address, since) >= MAX_PER_ADDRESS || counts.byClient(client, since) >= MAX_PER_CLIENT) {
            return Optional.of(WINDOW);
        }
        return Optional.empty();
    }
}
