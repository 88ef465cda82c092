package de.impftermin.notifications;

import de.impftermin.notifications.gateway.PermanentDeliveryFailure;
import de.impftermin.notifications.gateway.SmsGateway;
import de.impftermin.platform.DatabaseUnavailable;
import de.impftermin.platform.Redaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox messages. Each round leases a batch (one {@code SKIP LOCKED} statement counts the attempt and
 * pushes the next one a lease ahead), hands the messages to the gateways outside any transaction, a few at once, and
 * records the outcomes: the round's sent messages in one statement; each failed one retried after an exponential
 * backoff or, after {@code max-attempts} failures or a permanent refusal, buried as a dead letter that stays visible
 * in the table and the metrics. A crash between the
 * gateway's acceptance and the recording of it lets the lease run out and sends the message again: at-least-once, the
 * guarantee SMTP and SMS providers give as well; nothing else sends a message twice.
 */
@Component
class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MARK_RETRY_PAUSE = Duration.ofMillis(500);

    private final OutboxRows rows;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final OutboxSettings settings;
    private final MeterRegistry meters;
    private final String from;
    private final Map<MessageChannel, Timer> delays = new EnumMap<>(MessageChannel.class);
    private final ExecutorService senders;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    Dispatcher(
            OutboxRows rows,
            JavaMailSender mail,
            SmsGateway sms,
            OutboxSettings settings,
            MeterRegistry meters,
            @Value("${impftermin.mail.from:termine@impftermin.example}") String from) {
        this.rows = rows;
        this.mail = mail;
        this.sms = sms;
        this.settings = settings;
        this.meters = meters;
        this.from = from;
        this.senders = Executors.newFixedThreadPool(
                settings.senders(), Thread.ofVirtual().name("outbox-sender-", 0).factory());
        for (MessageChannel channel : MessageChannel.values()) {
            delays.put(
                    channel,
                    Timer.builder("impftermin.outbox.delivery.delay")
                            .description("Time from enqueue to hand-over to the gateway")
                            .tag("channel", channel.name())
                            .publishPercentiles(0.5, 0.9, 0.99)
                            .percentilePrecision(2)
                            .distributionStatisticExpiry(Duration.ofMinutes(5))
                            .distributionStatisticBufferLength(5)
                            .register(meters));
        }
    }

    /**
     * No new batch once the app stops: the batch in hand is finished, the rest stays in the outbox for the next start
     * or another instance. (A backlog drained batch after batch kept the scheduler, and so SIGTERM, waiting.)
     */
    @EventListener(ContextClosedEvent.class)
    void stopTakingBatches() {
        stopping = true;
    }

    @Scheduled(fixedDelayString = "${impftermin.outbox.poll:200ms}")
    void dispatch() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<OutboxRows.Due> due;
            do {
                due = rows.lease(settings.batch(), settings.lease());
                List<Future<Boolean>> handedOver = senders.invokeAll(due.stream()
                        .map(message -> (Callable<Boolean>) () -> send(message))
                        .toList());
                List<Long> sent = new ArrayList<>();
                for (int i = 0; i < due.size(); i++) {
                    if (handedOver.get(i).resultNow()) {
                        sent.add(due.get(i).id());
                    }
                }
                markSent(sent);
            } while (due.size() == settings.batch() && !stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.set(false);
        }
    }

    /**
     * Hands the message to its gateway; false (and the failure recorded) if the gateway did not take it. A failure to
     * record the failure (the database is gone) only logs: the lease runs out and the message is tried again, and the
     * round's sent messages must still be marked.
     */
    private boolean send(OutboxRows.Due message) {
        try {
            switch (message.channel()) {
                case SMS -> sms.send(message.to(), message.body());
                case EMAIL -> sendMail(message);
            }
            return true;
        } catch (Exception e) {
            try {
                failed(message, e);
            } catch (RuntimeException recording) {
                log.warn("Could not record the failed sending of message {}: {}", message.id(), recording.toString());
            }
            return false;
        }
    }

    /**
     * Records the hand-over of a round's sent messages in one statement (one commit per round, not per message: at the
     * rush that was one of the ~18 statements per booked series). From here on a failure must not count as a failed
     * send, or the messages would go out twice. The statement only sets what is unset, so it is tried again while the
     * database is unavailable (a failover takes seconds), for up to half the lease; only after that do the messages go
     * out again when their lease runs out.
     */
    private void markSent(List<Long> ids) throws InterruptedException {
        if (ids.isEmpty()) {
            return;
        }
        long giveUp = System.nanoTime() + settings.lease().toNanos() / 2;
        while (true) {
            try {
                rows.markSent(ids).forEach(sent -> delays.get(sent.channel()).record(sent.delay()));
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causes(e) || stopping || System.nanoTime() > giveUp) {
                    log.error("Messages {} were sent but could not be marked; they will be sent again", ids, e);
                    return;
                }
                log.warn("Messages {} were sent; marking them waits for the database: {}", ids, e.toString());
                Thread.sleep(MARK_RETRY_PAUSE);
            }
        }
    }

    /**
     * Records a failed attempt. The gateway's error text is masked first ({@link Redaction}): providers and mail
     * servers quote the recipient, and neither the log nor the outbox's error column should keep it.
     */
    private void failed(OutboxRows.Due message, Exception e) {
        String channel = message.channel().name();
        String error = Redaction.redact(e.toString());
        meters.counter("impftermin.outbox.failures", "channel", channel).increment();
        if (isPermanent(e) || message.attempts() >= settings.maxAttempts()) {
            log.error(
                    "Giving up on message {} ({}) after {} attempt(s): {}",
                    message.id(),
                    channel,
                    message.attempts(),
                    error);
            rows.bury(message.id(), error);
            meters.counter("impftermin.outbox.dead-lettered", "channel", channel)
                    .increment();
            return;
        }
        Duration backoff = settings.backoff(message.attempts());
        log.warn("Sending message {} ({}) failed, retry in {}: {}", message.id(), channel, backoff, error);
        rows.retryLater(message.id(), backoff, error);
    }

    /** Refusals that a retry cannot cure: the gateway said so, or the address itself is wrong. */
    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PermanentDeliveryFailure
                    || t instanceof MailParseException
                    || t instanceof MailPreparationException
                    || t instanceof jakarta.mail.internet.AddressException) {
                return true;
            }
            if (t instanceof SendFailedException failed
                    && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception cause : send.getFailedMessages().values()) {
                    if (isPermanent(cause)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void sendMail(OutboxRows.Due message) throws Exception {
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

    @Override
    public void close() {
        senders.close();
    }
}
