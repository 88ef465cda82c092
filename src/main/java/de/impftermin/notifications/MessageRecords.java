package de.impftermin.notifications;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.platform.SqlArrays;
import de.impftermin.shared.BerlinTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's copies of what was sent, over their life after sending: a message's text (names, booking code,
 * appointments) is needed to send and retry it, not afterwards. The retention job deletes sent and given-up messages
 * a while after they were written; a message still to be sent is never deleted, so that nothing is lost on its way.
 * A citizen sees the messages about their booking and deletes them with it.
 */
@Service
public class MessageRecords {

    private final JdbcClient jdbc;

    MessageRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes up to {@code batch} sent or given-up messages written before {@code cutoff}, claimed with
     * {@code SKIP LOCKED}; returns how many. One batch, one transaction.
     */
    @Transactional
    public int purgeWrittenBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from outbox_message
                        where id in (select id from outbox_message
                                     where created_at < ? and (sent_at is not null or dead_at is not null)
                                     order by created_at limit ? for update skip locked)
                        """).params(utc(cutoff), batch).update();
    }

    /** The messages to any of {@code recipients} (ignoring case) whose subject or text mentions {@code text}. */
    @Transactional(readOnly = true)
    public List<StoredMessage> mentioning(Collection<String> recipients, String text) {
        return jdbc.sql("""
                        select channel, recipient, subject, body, attachment_name, created_at, sent_at, dead_at
                        from outbox_message
                        where lower(recipient) = any(:to)
                          and (strpos(body, :text) > 0 or strpos(coalesce(subject, ''), :text) > 0)
                        order by id
                        """)
                .param("to", lowerCase(recipients))
                .param("text", text)
                .query(MessageRecords::stored)
                .list();
    }

    /**
     * Deletes the sent and given-up messages to any of {@code recipients} that mention {@code text}; one still to be
     * sent (the cancellation just confirmed) goes out first and is deleted by the retention job later. In the
     * caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetMentioning(Collection<String> recipients, String text) {
        return jdbc.sql("""
                        delete from outbox_message
                        where lower(recipient) = any(:to) and (sent_at is not null or dead_at is not null)
                          and (strpos(body, :text) > 0 or strpos(coalesce(subject, ''), :text) > 0)
                        """)
                .param("to", lowerCase(recipients))
                .param("text", text)
                .update();
    }

    private static Object lowerCase(Collection<String> recipients) {
        return SqlArrays.of(
                "text", recipients.stream().map(r -> r.toLowerCase(Locale.ROOT)).toArray());
    }

    private static StoredMessage stored(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(
                MessageChannel.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                shown(rs.getObject(6, OffsetDateTime.class)),
                shownOrNull(rs.getObject(7, OffsetDateTime.class)),
                shownOrNull(rs.getObject(8, OffsetDateTime.class)));
    }

    private static OffsetDateTime shown(OffsetDateTime at) {
        return BerlinTime.show(at.toInstant());
    }

    private static @Nullable OffsetDateTime shownOrNull(@Nullable OffsetDateTime at) {
        return at == null ? null : shown(at);
    }
}
