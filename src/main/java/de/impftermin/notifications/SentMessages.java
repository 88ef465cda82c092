package de.impftermin.notifications;

import de.impftermin.shared.BerlinTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dispatcher has handed to the gateways, for the local inbox of the development run ({@code /dev/inbox}).
 * Only the web layer decides whether that inbox exists ({@code impftermin.dev-inbox}).
 */
@Service
public class SentMessages {

    /** A sent message; {@code attachmentName} is set when it carried a file (the calendar file of a booking). */
    public record Sent(
            long id,
            MessageChannel channel,
            String to,
            @Nullable String subject,
            String body,
            @Nullable String attachmentName,
            OffsetDateTime sentAt) {}

    private final JdbcClient jdbc;

    SentMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest sent messages first, all of them or those to one address (case-insensitive). Two statements, not one
     * with {@code :to is null or …}: a prepared statement's generic plan cannot use the recipient index for that
     * condition, and with ~50,000 messages sent one look-up then took 0.5–3.9 s instead of well under a millisecond.
     */
    @Transactional(readOnly = true)
    public List<Sent> newestFirst(@Nullable String to, int limit) {
        int rows = Math.max(1, Math.min(limit, 500));
        if (to == null || to.isBlank()) {
            return jdbc.sql(SELECT + " where sent_at is not null order by id desc limit :limit")
                    .param("limit", rows)
                    .query(SentMessages::sent)
                    .list();
        }
        return jdbc.sql(SELECT
                        + " where sent_at is not null and lower(recipient) = lower(:to) order by id desc limit :limit")
                .param("to", to.strip())
                .param("limit", rows)
                .query(SentMessages::sent)
                .list();
    }

    private static final String SELECT =
            "select id, channel, recipient, subject, body, attachment_name, sent_at from outbox_message";

    private static Sent sent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Sent(
                rs.getLong(1),
                MessageChannel.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                BerlinTime.show(rs.getObject(7, OffsetDateTime.class).toInstant()));
    }

    /** The file a sent message carried. */
    @Transactional(readOnly = true)
    public Optional<OutgoingMessage.Attachment> attachment(long id) {
        return jdbc.sql("""
                        select attachment_name, attachment_type, attachment from outbox_message
                        where id = ? and sent_at is not null and attachment is not null
                        """)
                .param(id)
                .query((rs, n) -> new OutgoingMessage.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
