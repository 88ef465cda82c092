package de.impftermin.inventory;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.platform.ImpfterminProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limit against guessing invitation codes: at most {@value #MAX_WRONG} wrong codes per subject within
 * {@link #WINDOW}; then every code of that subject is refused unread until the oldest wrong one has left the window.
 * Counted in PostgreSQL, so every instance sees the same count; a subject's checks are serialised by an advisory lock
 * until the transaction ends, so racing guesses cannot slip past the limit. Off with
 * {@code impftermin.rate-limits.enabled=false}, like the sending limits.
 */
@Component
class WrongInvitationCodes {

    static final int MAX_WRONG = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final ImpfterminProperties properties;

    WrongInvitationCodes(JdbcClient jdbc, ImpfterminProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How long the subject must wait before its next code is looked at; empty when it may try. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Duration> lockedFor(String subject, Instant now) {
        if (!properties.rateLimits().enabled()) {
            return Optional.empty();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 11))")
                .param("invitation:" + subject)
                .query()
                .singleRow();
        return jdbc.sql("""
                        select min(at) from (
                            select at from invitation_wrong_code where subject = :subject and at > :since
                            order by at desc limit :max) recent
                        having count(*) >= :max
                        """)
                .param("subject", subject)
                .param("since", utc(now.minus(WINDOW)))
                .param("max", MAX_WRONG)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .optional()
                .map(oldest -> Duration.between(now, oldest.toInstant().plus(WINDOW)));
    }

    /** Counts one wrong code against the subject and forgets its wrong codes that have left the window. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(String subject, Instant now) {
        jdbc.sql("delete from invitation_wrong_code where subject = ? and at <= ?")
                .params(subject, utc(now.minus(WINDOW)))
                .update();
        jdbc.sql("insert into invitation_wrong_code (subject, at) values (?, ?)")
                .params(subject, utc(now))
                .update();
    }
}
