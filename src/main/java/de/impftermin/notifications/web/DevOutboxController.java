package de.impftermin.notifications.web;

import de.impftermin.notifications.SentMessages;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The local inbox: every sent SMS and e-mail, newest first. Exists only with {@code impftermin.dev-inbox=true}. */
@RestController
@ConditionalOnProperty(name = "impftermin.dev-inbox", havingValue = "true")
@Tag(name = "Development inbox")
class DevOutboxController {

    record SentMessage(String channel, String to, @Nullable String subject, String body, OffsetDateTime sentAt) {}

    private final SentMessages sent;

    DevOutboxController(SentMessages sent) {
        this.sent = sent;
    }

    @GetMapping("/api/v1/dev/outbox")
    List<SentMessage> outbox(@RequestParam(required = false) @Nullable String to) {
        String recipient = to == null ? null : to.strip();
        if (recipient != null && recipient.matches("[0-9]{6,15}")) {
            recipient = "+" + recipient; // an unencoded '+' in the query string arrives as a space
        }
        return sent.newestFirst(recipient, 200).stream()
                .map(m -> new SentMessage(m.channel().name(), m.to(), m.subject(), m.body(), m.sentAt()))
                .toList();
    }
}
