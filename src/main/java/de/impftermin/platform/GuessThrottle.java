package de.impftermin.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing delays against guessing a secret that a citizen proves by typing it (a booking code with a birth date),
 * counted in PostgreSQL per client address and per key, so every instance sees the same counts. Each kind of key has
 * a few tries for free within the window (people mistype); after that many failures, every further attempt must wait
 * for a delay since the last failure that doubles with each failure, from {@code firstDelay} up to {@code maxDelay}. An attempt
 * refused for waiting is not counted, so waiting out the delay is the only way on, also with the right answer.
 *
 * <p>Like the staff sign-in lock ({@link SignInThrottle}) the check is not atomic with the attempt: guesses racing in
 * parallel at the same moment each get their try, a handful more at most. Unlike it, the limit is a delay rather than
 * a lock, because the key here is a booking, and its owner must not be shut out for long by someone else's guessing.
 */
@Component
public class GuessThrottle {

    public static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Limits limits;

    GuessThrottle(JdbcClient jdbc, Limits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /**
     * How long {@code client} must still wait before trying {@code key} again in {@code scope}, the longer of the two
     * waits; empty when it may try now.
     */
    @Transactional(readOnly = true)
    public Optional<Duration> wait(String scope, String client, String key, Instant now) {
        Duration wait = Duration.ZERO;
        for (Kind kind : Kind.values()) {
            String value = kind == Kind.CLIENT ? client : key;
            var failures = jdbc.sql("""
                            select count(*) as failures, max(at) as last from guess_failure
                             where scope = :scope and key_kind = :kind and key_value = :value and at > :since
                            """)
                    .param("scope", scope)
                    .param("kind", kind.name())
                    .param("value", truncate(value))
                    .param("since", SqlTimes.utc(now.minus(limits.window())))
                    .query((rs, n) -> {
                        OffsetDateTime last = rs.getObject("last", OffsetDateTime.class);
                        return new Failures(rs.getInt("failures"), last == null ? null : last.toInstant());
                    })
                    .single();
            if (failures.last() != null) {
                Duration delay = delay(failures.count(), limits.free(kind), limits.firstDelay(), limits.maxDelay());
                Duration left = Duration.between(now, failures.last().plus(delay));
                if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
        }
        return wait.isPositive() ? Optional.of(wait) : Optional.empty();
    }

    /** Counts one failed guess against the client and the key, and forgets failures that have left the window. */
    @Transactional
    public void failed(String scope, String client, String key, Instant now) {
        jdbc.sql("delete from guess_failure where at <= now() - make_interval(secs => :window)")
                .param("window", (double) limits.window().toSeconds())
                .update();
        jdbc.sql("""
                        insert into guess_failure (scope, key_kind, key_value, at)
                        values (:scope, 'CLIENT', :client, :at), (:scope, 'KEY', :key, :at)
                        """)
                .param("scope", scope)
                .param("client", truncate(client))
                .param("key", truncate(key))
                .param("at", SqlTimes.utc(now))
                .update();
    }

    /**
     * The wait after the last of {@code failures}: none for the first {@code free - 1}; after the {@code free}th
     * {@code first}, doubling with every further failure, never more than {@code max}.
     */
    static Duration delay(int failures, int free, Duration first, Duration max) {
        int beyond = failures - free;
        if (beyond < 0) {
            return Duration.ZERO;
        }
        if (beyond > 40) {
            return max;
        }
        Duration delay = first.multipliedBy(1L << beyond);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static String truncate(String value) {
        String key = value.isBlank() ? "(blank)" : value;
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }

    enum Kind {
        CLIENT,
        KEY
    }

    private record Failures(int count, @Nullable Instant last) {}

    /**
     * {@code impftermin.guess-limits.*}: failures for free per key (a booking code) and per client address within the
     * window, and the delay after the first failure beyond them, which doubles up to {@code maxDelay}. With the
     * defaults someone who knows a booking code but not the birth date gets about 40 guesses a day, out of some 36,000
     * birth dates of a century.
     */
    @ConfigurationProperties("impftermin.guess-limits")
    record Limits(
            @DefaultValue("5") int perKeyFree,
            @DefaultValue("20") int perClientFree,
            @DefaultValue("24h") Duration window,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("1h") Duration maxDelay) {

        int free(Kind kind) {
            return kind == Kind.CLIENT ? perClientFree : perKeyFree;
        }
    }
}
