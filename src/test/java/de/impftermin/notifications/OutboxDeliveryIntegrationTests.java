package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.notifications.gateway.FakeSmsProvider;
import de.impftermin.notifications.gateway.HttpSmsGateway;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.SmsRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher against a real HTTP SMS provider (the JDK's HTTP server on 127.0.0.1) that fails as scripted: every
 * message arrives exactly once however often the provider fails, and a message that cannot be sent ends as a dead
 * letter. Retries wait milliseconds here ({@code impftermin.outbox.backoff-base} in the test profile).
 */
@IntegrationTest
class OutboxDeliveryIntegrationTests {

    private static final String TEMPLATE = "{\"to\":\"{to}\",\"text\":\"{text}\"}";

    @Autowired
    Outbox outbox;

    @Autowired
    SmsRoutes routes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DeliveryDelays delays;

    @Autowired
    OutboxSettings settings;

    @Autowired
    MeterRegistry meters;

    private final FakeSmsProvider provider = new FakeSmsProvider();
    private final List<String> numbers = new ArrayList<>();

    OutboxDeliveryIntegrationTests() throws Exception {}

    @AfterEach
    void stop() {
        numbers.forEach(routes::unroute);
        provider.close();
    }

    @Test
    void sendsAMessageExactlyOnceAfterTheProviderFailedThreeTimes() throws Exception {
        provider.failing(500, 503, 429);
        String to = number();
        long id = enqueue(to, "Ihr Impftermin-Code: 123456");

        awaitSent(id);
        Thread.sleep(300); // a duplicate would need a further lease: give it the time to happen

        assertThat(provider.requests()).isEqualTo(4);
        assertThat(provider.accepted())
                .singleElement()
                .satisfies(request -> assertThat(request.body()).contains(to).contains("123456"));
        assertThat(row(id)).containsEntry("attempts", 4).containsEntry("last_error", null);
    }

    @Test
    void deliversEveryOfManyMessagesOnceWhileEachFailsTwice() throws Exception {
        provider.failingEachMessage(2);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(enqueue(number(), "Nachricht " + i));
        }

        for (long id : ids) {
            awaitSent(id);
        }
        Thread.sleep(300);

        Map<String, Long> deliveries = provider.accepted().stream()
                .map(FakeSmsProvider.Request::body)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(deliveries)
                .hasSize(40)
                .allSatisfy((body, count) -> assertThat(count).as(body).isEqualTo(1));
        assertThat(provider.requests()).isEqualTo(3 * 40);
    }

    @Test
    void buriesAMessageAsADeadLetterAfterTheLastAttempt() throws Exception {
        provider.otherwise(503);
        double buriedBefore = deadLettered();
        long id = enqueue(number(), "Erinnerung");

        Map<String, Object> dead = awaitDead(id);

        assertThat(dead).containsEntry("attempts", settings.maxAttempts()).containsEntry("sent_at", null);
        assertThat((String) dead.get("last_error")).contains("503");
        assertThat(provider.requests()).isEqualTo(settings.maxAttempts());
        assertThat(deadLettered()).isEqualTo(buriedBefore + 1);
        assertThat(delays.measure().deadLetters()).isGreaterThanOrEqualTo(1);
        Thread.sleep(200);
        assertThat(provider.requests()).isEqualTo(settings.maxAttempts());
    }

    @Test
    void buriesAMessageThatTheProviderRefusesAtOnce() throws Exception {
        provider.otherwise(400);
        long id = enqueue(number(), "Ihr Impftermin-Code: 654321");

        assertThat(awaitDead(id)).containsEntry("attempts", 1);
        assertThat(provider.requests()).isEqualTo(1);
    }

    @Test
    void measuresTheDeliveryDelayOfEveryChannelFromTheOutbox() throws Exception {
        long id = enqueue(number(), "Hallo");
        awaitSent(id);

        DeliveryStatus status = delays.measure();
        DeliveryStatus.ChannelDelay sms = status.of(MessageChannel.SMS);
        System.out.printf(
                "Delivery delay in tests: SMS p90 %d ms over %d messages, EMAIL p90 %d ms over %d messages%n",
                sms.p90().toMillis(),
                sms.messages(),
                status.of(MessageChannel.EMAIL).p90().toMillis(),
                status.of(MessageChannel.EMAIL).messages());
        assertThat(sms.messages()).isPositive();
        assertThat(sms.p90()).isPositive().isLessThan(Duration.ofSeconds(30));
        assertThat(status.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(meters.get("impftermin.outbox.delivery.delay")
                        .tag("channel", "SMS")
                        .timer()
                        .count())
                .isPositive();

        DeliveryDelays strict = new DeliveryDelays(
                jdbc, Clock.systemUTC(), withDelayedAfter(Duration.ofNanos(1)), new SimpleMeterRegistry());
        DeliveryDelays lenient = new DeliveryDelays(
                jdbc, Clock.systemUTC(), withDelayedAfter(Duration.ofHours(1)), new SimpleMeterRegistry());
        assertThat(strict.current().delayed(MessageChannel.SMS)).isTrue();
        assertThat(lenient.current().delayed()).isFalse();
    }

    @Test
    void showsTheAgeOfAMessageThatIsStillBeingSent() throws Exception {
        provider.answeringAfter(Duration.ofSeconds(1));
        long id = enqueue(number(), "Hängt");
        Thread.sleep(500);

        assertThat(delays.measure().of(MessageChannel.SMS).oldestUnsent())
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        awaitSent(id);
        assertThat(provider.accepted()).hasSize(1);
    }

    private OutboxSettings withDelayedAfter(Duration delayedAfter) {
        return new OutboxSettings(
                settings.batch(),
                settings.senders(),
                settings.lease(),
                settings.backoffBase(),
                settings.backoffMax(),
                settings.maxAttempts(),
                delayedAfter);
    }

    private String number() {
        String number = "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        routes.route(number, new HttpSmsGateway(provider.url(), TEMPLATE, "impftermin", "geheim"));
        numbers.add(number);
        return number;
    }

    private long enqueue(String to, String text) {
        String unique = text + " [" + UUID.randomUUID() + "]";
        transaction.executeWithoutResult(status -> outbox.enqueue(OutgoingMessage.sms(to, unique)));
        return jdbc.sql("select id from outbox_message where body = ?")
                .param(unique)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select attempts, last_error, sent_at, dead_at from outbox_message where id = ?")
                .param(id)
                .query()
                .singleRow();
    }

    private void awaitSent(long id) throws InterruptedException {
        await(id, "sent_at");
    }

    private Map<String, Object> awaitDead(long id) throws InterruptedException {
        return await(id, "dead_at");
    }

    private Map<String, Object> await(long id, String column) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Map<String, Object> row = row(id);
        while (row.get(column) == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            row = row(id);
        }
        assertThat(row.get(column)).as("%s of message %d (%s)", column, id, row).isNotNull();
        return row;
    }

    private double deadLettered() {
        var counter = meters.find("impftermin.outbox.dead-lettered")
                .tag("channel", "SMS")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
