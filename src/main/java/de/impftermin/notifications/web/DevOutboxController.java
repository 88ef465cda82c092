package de.impftermin.notifications.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The local inbox: every sent SMS and e-mail, newest first. Exists only with {@code impftermin.dev-inbox=true}. */
@RestController
@ConditionalOnProperty(name = "impftermin.dev-inbox", havingValue = "true")
@Tag(name = "Development inbox")
class DevOutboxController {

    record SentMessage(String channel, String to, @Nullable String subject, String body, OffsetDateTime sentAt) {}

    private final JdbcClient jdbc;

    DevOutboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/dev/outbox")
    List<SentMessage> outbox(@RequestParam(required = false) @Nullable String to) {
        String recipient = to == null ? null : to.strip();
        if (recipient != null && recipient.matches("[0-9]{6,15}")) {
            recipient = "+" + recipient; // an unencoded '+' in the query string arrives as a space
        }
        return jdbc.sql("""
                        select channel, recipient, subject, body, sent_at from outbox_message
                        where sent_at is not null and (cast(:to as text) is null or lower(recipient) = lower(:to))
                        order by id desc limit 200
                        """)
                .param("to", recipient)
                .query((rs, n) -> new SentMessage(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        de.impftermin.shared.BerlinTime.show(
                                rs.getObject(5, OffsetDateTime.class).toInstant())))
                .list();
    }
}
