package de.impftermin.notifications;

import de.impftermin.platform.SqlArrays;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's SQL. Every statement is one auto-committed transaction: leasing with {@code SKIP LOCKED} (so that
 * several instances never take the same message), then sending outside any transaction, then recording the outcome.
 * All times come from the database's clock, so instances with skewed clocks measure the same delays.
 */
@Repository
class OutboxRows {

    record Due(
            long id,
            MessageChannel channel,
            String to,
            @Nullable String subject,
            String body,
            @Nullable String attachmentName,
            @Nullable String attachmentType,
            byte @Nullable [] attachment,
            int attempts) {}

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes up to {@code batch} due messages for {@code lease}, counting the attempt now. */
    List<Due> lease(int batch, Duration lease) {
        return jdbc.sql("""
                        update outbox_message m
                        set next_attempt_at = clock_timestamp() + make_interval(secs => :lease),
                            attempts = attempts + 1
                        where m.id in (select id from outbox_message
                                       where sent_at is null and dead_at is null and next_attempt_at <= now()
                                       order by urgent desc, next_attempt_at limit :batch for update skip locked)
                        returning id, channel, recipient, subject, body, attachment_name, attachment_type, attachment,
                                  attempts
                        """)
                .param("lease", seconds(lease))
                .param("batch", batch)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        MessageChannel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8),
                        rs.getInt(9)))
                .list();
    }

    /** A message whose hand-over to the gateway was recorded now, and how long after its enqueueing. */
    record Sent(long id, MessageChannel channel, Duration delay) {}

    /** Records the hand-over to the gateway of these messages; those not recorded before, with their delays. */
    List<Sent> markSent(List<Long> ids) {
        return jdbc.sql("""
                        update outbox_message set sent_at = clock_timestamp(), last_error = null
                        where id = any(?) and sent_at is null
                        returning id, channel, extract(epoch from (sent_at - created_at))
                        """)
                .param(SqlArrays.of("bigint", ids.toArray()))
                .query((rs, n) -> new Sent(
                        rs.getLong(1),
                        MessageChannel.valueOf(rs.getString(2)),
                        Duration.ofNanos(Math.round(rs.getDouble(3) * 1e9))))
                .list();
    }

    void retryLater(long id, Duration backoff, String error) {
        jdbc.sql("""
                        update outbox_message set next_attempt_at = clock_timestamp() + make_interval(secs => ?),
                                                  last_error = ?
                        where id = ? and sent_at is null
                        """).params(seconds(backoff), truncate(error), id).update();
    }

    /** Gives up on the message: it stays in the table as a dead letter with its last error. */
    void bury(long id, String error) {
        jdbc.sql(
                        "update outbox_message set dead_at = clock_timestamp(), last_error = ? where id = ? and sent_at is null")
                .params(truncate(error), id)
                .update();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String truncate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
