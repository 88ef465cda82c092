package de.impftermin.notifications;

import de.impftermin.notifications.gateway.SmsGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox messages. Each round leases a batch (pushes {@code next_attempt_at} a minute ahead in one
 * {@code SKIP LOCKED} statement), sends outside any transaction, then marks each message sent or schedules a retry
 * with exponential backoff (2 s, 4 s, … capped at 5 min). A crash mid-send means the lease runs out and the message
 * is sent again: at-least-once, which is what the gateways of this field offer too.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String from;
    private final AtomicBoolean running = new AtomicBoolean();

    Dispatcher(
            JdbcClient jdbc,
            JavaMailSender mail,
            SmsGateway sms,
            Clock clock,
            MeterRegistry meters,
            @org.springframework.beans.factory.annotation.Value("${impftermin.mail.from:termine@impftermin.example}")
                    String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.sms = sms;
        this.clock = clock;
        this.meters = meters;
        this.from = from;
    }

    private record Due(
            long id,
            MessageChannel channel,
            String to,
            @Nullable String subject,
            String body,
            @Nullable String attachmentName,
            @Nullable String attachmentType,
            byte @Nullable [] attachment,
            Instant createdAt,
            int attempts) {}

    @Scheduled(fixedDelayString = "${impftermin.outbox.poll:200ms}")
    void dispatch() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Due> due;
            do {
                due = lease();
                due.forEach(this::send);
            } while (due.size() == BATCH);
        } finally {
            running.set(false);
        }
    }

    private List<Due> lease() {
        return jdbc.sql("""
                        update outbox_message m set next_attempt_at = now() + interval '1 minute', attempts = attempts + 1
                        where m.id in (select id from outbox_message
                                       where sent_at is null and next_attempt_at <= now()
                                       order by next_attempt_at limit :batch for update skip locked)
                        returning id, channel, recipient, subject, body, attachment_name, attachment_type, attachment,
                                  created_at, attempts
                        """)
                .param("batch", BATCH)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        MessageChannel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getInt(10)))
                .list();
    }

    private void send(Due message) {
        try {
            switch (message.channel()) {
                case SMS -> sms.send(message.to(), message.body());
                case EMAIL -> sendMail(message);
            }
            Instant sentAt = clock.instant();
            jdbc.sql("update outbox_message set sent_at = ?, last_error = null where id = ?")
                    .params(sentAt.atOffset(ZoneOffset.UTC), message.id())
                    .update();
            Timer.builder("impftermin.outbox.delivery.delay")
                    .description("Time from enqueue to hand-over to the gateway")
                    .tag("channel", message.channel().name())
                    .register(meters)
                    .record(Duration.between(message.createdAt(), sentAt));
        } catch (Exception e) {
            Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(message.attempts(), 8)));
            log.warn(
                    "Sending message {} ({}) failed, retry in {}: {}",
                    message.id(),
                    message.channel(),
                    backoff,
                    e.toString());
            jdbc.sql(
                            "update outbox_message set next_attempt_at = now() + make_interval(secs => ?), last_error = ? where id = ?")
                    .params(backoff.toSeconds(), String.valueOf(e.getMessage()), message.id())
                    .update();
            meters.counter(
                            "impftermin.outbox.failures",
                            "channel",
                            message.channel().name())
                    .increment();
        }
    }

    private void sendMail(Due message) throws Exception {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, message.attachment() != null, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.to());
        helper.setSubject(message.subject() == null ? "Impftermin" : message.subject());
        helper.setText(message.body(), false);
        if (message.attachment() != null && message.attachmentName() != null) {
            helper.addAttachment(
                    message.attachmentName(),
                    new ByteArrayResource(message.attachment()),
                    message.attachmentType() == null ? "application/octet-stream" : message.attachmentType());
        }
        mail.send(mime);
    }
}
