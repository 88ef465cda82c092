package de.impftermin.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.admission.domain.Ticket;
import de.impftermin.platform.Refusal;
import de.impftermin.platform.Signer;
import de.impftermin.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class WaitingRoomIntegrationTests {

    @Autowired
    WaitingRoomRepository repository;

    @Autowired
    Signer signer;

    @LocalServerPort
    int port;

    final MutableClock clock = new MutableClock(Instant.now());
    final AtomicBoolean seriesLeft = new AtomicBoolean(true);
    final String queue = "t-" + UUID.randomUUID();

    WaitingRoom instance(double rate) {
        var properties = new WaitingRoomProperties(
                rate,
                Duration.ofMinutes(15),
                Duration.ofHours(12),
                Duration.ofMillis(100),
                false,
                50,
                Duration.ofSeconds(1));
        return new WaitingRoom(queue, repository, signer, clock, properties, seriesLeft::get);
    }

    @Test
    void admitsANewTicketAtOnceWithoutARush() {
        WaitingRoom room = instance(10);
        TicketStatus status = room.join();
        assertThat(status.state()).isEqualTo(TicketStatus.State.ADMITTED);
        assertThat(status.pass()).isNotNull();
        assertThat(room.admits(status.pass())).isTrue();
    }

    @Test
    void advancesTheServingCounterAtTheAdmissionRate() {
        WaitingRoom room = instance(10);
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tickets.add(room.join());
        }
        assertThat(admitted(room, tickets)).isEqualTo(10);
        TicketStatus last = room.status(tickets.getLast().ticket());
        assertThat(last.state()).isEqualTo(TicketStatus.State.WAITING);
        assertThat(last.position()).isEqualTo(50);
        assertThat(last.etaSeconds()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(2));
        room.tick();
        assertThat(admitted(room, tickets)).isEqualTo(30);
        clock.advance(Duration.ofMillis(500));
        room.tick();
        assertThat(admitted(room, tickets)).isEqualTo(35);
        assertThat(room.status(tickets.getLast().ticket()).position()).isEqualTo(25);
    }

    @Test
    void twoInstancesOnOneDatabaseAdmitAsOne() throws Exception {
        WaitingRoom a = instance(100);
        WaitingRoom b = instance(100);
        List<TicketStatus> tickets = new ArrayList<>();
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TicketStatus status = (i % 2 == 0 ? a : b).join();
            tickets.add(status);
            assertThat(numbers.add(number(status)))
                    .as("number handed out twice")
                    .isTrue();
        }
        double start = a.state().served();
        clock.advance(Duration.ofSeconds(3));
        tickConcurrently(a, b);
        clock.advance(Duration.ofSeconds(2));
        tickConcurrently(a, b);
        b.tick();
        a.tick();
        assertThat(a.state().served()).isEqualTo(start + 500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(b.state().served()).isEqualTo(a.state().served());
        long admittedOnA = tickets.stream()
                .filter(t -> a.status(t.ticket()).state() == TicketStatus.State.ADMITTED)
                .count();
        long admittedOnB = tickets.stream()
                .filter(t -> b.status(t.ticket()).state() == TicketStatus.State.ADMITTED)
                .count();
        assertThat(admittedOnA).isEqualTo(admittedOnB);
        long below = numbers.stream().filter(n -> n < a.state().served()).count();
        assertThat(admittedOnA).isEqualTo(below).isLessThanOrEqualTo(600);
    }

    @Test
    void shufflesThePrequeueAtTheOpeningInstant() {
        WaitingRoom a = instance(1000);
        WaitingRoom b = instance(1000);
        a.configure(50, clock.instant().plusSeconds(60), null);
        b.tick();
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            TicketStatus status = (i % 2 == 0 ? a : b).join();
            assertThat(status.state()).isEqualTo(TicketStatus.State.WAITING);
            tickets.add(status);
        }
        clock.advance(Duration.ofSeconds(30));
        a.tick();
        assertThat(admitted(a, tickets)).isZero();

        clock.advance(Duration.ofSeconds(30));
        TicketStatus late = b.join();
        a.tick();
        b.tick();
        assertThat(a.state().seed()).as("%s", a.state()).isNotNull();
        assertThat(a.state().prequeueSize()).isGreaterThanOrEqualTo(400);
        assertThat(b.status(late.ticket()).position()).isGreaterThan(400);

        clock.advance(Duration.ofSeconds(4));
        a.tick();
        b.tick();
        List<Integer> admittedJoinOrders = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            if (b.status(tickets.get(i).ticket()).state() == TicketStatus.State.ADMITTED) {
                admittedJoinOrders.add(i);
            }
        }
        // 200 places are served; unused numbers of reserved blocks are empty places among them
        long prequeueSize = a.state().prequeueSize();
        int expected = (int) (200.0 * 400 / prequeueSize);
        assertThat(admittedJoinOrders).hasSizeBetween(expected - 30, Math.min(200, expected + 30));
        // in join order only the first ones would be admitted; shuffled, about half come from the later half
        long fromLaterHalf = admittedJoinOrders.stream().filter(i -> i >= 200).count();
        assertThat((double) fromLaterHalf / admittedJoinOrders.size()).isBetween(0.3, 0.7);
        assertThat(b.status(late.ticket()).state()).isEqualTo(TicketStatus.State.WAITING);
    }

    @Test
    void tellsEveryWaitingTicketWhenSoldOutAndResumesAfterCancellations() {
        WaitingRoom room = instance(10);
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tickets.add(room.join());
        }
        seriesLeft.set(false);
        room.tick();
        assertThat(tickets.stream().map(t -> room.status(t.ticket()).state()))
                .containsOnly(TicketStatus.State.ADMITTED, TicketStatus.State.SOLD_OUT)
                .filteredOn(s -> s == TicketStatus.State.SOLD_OUT)
                .hasSize(30);
        double pausedAt = room.state().served();
        clock.advance(Duration.ofSeconds(1));
        room.tick();
        assertThat(room.state().served()).isEqualTo(pausedAt);

        seriesLeft.set(true);
        assertThat(room.status(tickets.getLast().ticket()).state()).isEqualTo(TicketStatus.State.WAITING);
        clock.advance(Duration.ofSeconds(1));
        room.tick();
        assertThat(admitted(room, tickets)).isEqualTo(20);
    }

    @Test
    void rejectsForgedExpiredAndForeignTickets() {
        WaitingRoom room = instance(10);
        TicketStatus genuine = room.join();
        String[] parts = genuine.ticket().split("\\.");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                new Ticket(queue, 999_999, null).payload().getBytes())
                + "." + parts[2] + "." + parts[3];
        String expired = signer.sign(
                "ticket", new Ticket(queue, 0, null).payload(), Instant.now().minusSeconds(1));
        String foreign = signer.sign(
                "ticket", new Ticket("other", 0, null).payload(), Instant.now().plusSeconds(60));
        for (String bad : List.of(forged, expired, foreign, "garbage", genuine.pass())) {
            assertThatThrownBy(() -> room.status(bad))
                    .isInstanceOfSatisfying(
                            Refusal.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_TICKET"));
        }
        assertThat(room.admits(genuine.ticket())).isFalse();
        assertThat(room.admits(signer.sign("pass", queue + "|0|", Instant.now().minusSeconds(1))))
                .isFalse();
    }

    @Test
    void bindsThePassToTheVerificationItWasGivenFor() {
        WaitingRoom room = instance(10);
        TicketStatus bound = room.join("SMS:+491701234567");
        assertThat(room.admits(bound.pass(), "SMS:+491701234567")).isTrue();
        assertThat(room.admits(bound.pass(), "SMS:+491709999999")).isFalse();
        TicketStatus unbound = room.join();
        assertThat(room.admits(unbound.pass(), "SMS:+491709999999")).isTrue();
    }

    @Test
    void aLongPollIsAnsweredAtTheStepThatAdmitsTheTicketAndNotBefore() throws Exception {
        WaitingRoom room = instance(10);
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tickets.add(room.join());
        }
        String last = tickets.getLast().ticket();
        CompletableFuture<TicketStatus> answer = room.statusOnceMoved(last, null, Duration.ofSeconds(25));
        assertThat(answer).isNotDone();

        clock.advance(Duration.ofSeconds(1));
        room.tick();
        assertThat(answer).as("still waiting after one second at 10/s").isNotDone();

        clock.advance(Duration.ofSeconds(3));
        room.tick();
        TicketStatus admitted = answer.get(5, TimeUnit.SECONDS);
        assertThat(admitted.state()).isEqualTo(TicketStatus.State.ADMITTED);
        assertThat(admitted.pass()).isNotNull();
        assertThat(room.admits(admitted.pass())).isTrue();

        // an admitted ticket is answered at once, without waiting for a step
        assertThat(room.statusOnceMoved(last, null, Duration.ofSeconds(25)))
                .isCompletedWithValueMatching(s -> s.state() == TicketStatus.State.ADMITTED);
    }

    @Test
    void aLongPollIsAnsweredWithItsNewPositionAfterItsWaitEvenWhenNoStepComes() throws Exception {
        WaitingRoom room = instance(1);
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickets.add(room.join());
        }
        CompletableFuture<TicketStatus> answer =
                room.statusOnceMoved(tickets.getLast().ticket(), null, Duration.ofMillis(300));

        TicketStatus status = answer.get(10, TimeUnit.SECONDS);
        assertThat(status.state()).isEqualTo(TicketStatus.State.WAITING);
        assertThat(status.position()).isEqualTo(19);
        assertThat(status.pass()).isNull();
    }

    @Test
    void aStoppingAppAnswersEveryOpenLongPoll() {
        WaitingRoom room = instance(1);
        List<CompletableFuture<TicketStatus>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(room.statusOnceMoved(room.join().ticket(), null, Duration.ofSeconds(25)));
        }
        assertThat(answers.getLast()).isNotDone();

        room.answerWatches();

        assertThat(answers).allSatisfy(a -> assertThat(a).isDone());
    }

    @Test
    void aLongPollOverHttpRefusesAWaitOutOfRange() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> joined = http.send(
                HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String ticket = joined.body().replaceAll(".*\"ticket\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> admitted = http.send(
                HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets/" + ticket + "?wait=25"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.body()).contains("\"state\":\"ADMITTED\"");

        for (var wait : java.util.Map.of("26", 422, "-1", 422, "soon", 400).entrySet()) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets/" + ticket + "?wait=" + wait.getKey()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("wait=" + wait.getKey()).isEqualTo(wait.getValue());
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void answersTheContractOverHttpAndKeepsThePlaceAcrossAReload() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> joined = http.send(
                HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(joined.statusCode()).isEqualTo(201);
        assertThat(joined.body()).contains("\"state\":\"ADMITTED\"").contains("\"pass\":\"pass.");
        String ticket = joined.body().replaceAll(".*\"ticket\":\"([^\"]+)\".*", "$1");
        assertThat(joined.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("impftermin-ticket=" + ticket));

        HttpResponse<String> reloaded = http.send(
                HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets"))
                        .header("Cookie", "impftermin-ticket=" + ticket)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reloaded.statusCode()).isEqualTo(201);
        assertThat(reloaded.body()).contains("\"ticket\":\"" + ticket + "\"");

        HttpResponse<String> polled = http.send(
                HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets/" + ticket))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.body()).contains("\"state\":\"ADMITTED\"").contains("\"position\":0");

        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(url("/api/v1/waiting-room/tickets/" + ticket + "x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("UNKNOWN_TICKET");
    }

    @Test
    void letsAdministratorsSeeAndSetTheAdmissionRate() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin".getBytes());
        HttpResponse<String> seen = http.send(
                HttpRequest.newBuilder(url("/api/v1/admin/waiting-room"))
                        .header("Authorization", admin)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("\"ratePerSecond\":").contains("\"waiting\":");

        HttpResponse<String> set = http.send(
                HttpRequest.newBuilder(url("/api/v1/admin/waiting-room"))
                        .header("Authorization", admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"ratePerSecond\":300}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"ratePerSecond\":300.0");

        HttpResponse<String> invalid = http.send(
                HttpRequest.newBuilder(url("/api/v1/admin/waiting-room"))
                        .header("Authorization", admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"ratePerSecond\":-1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(422);

        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(url("/api/v1/admin/waiting-room")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private long number(TicketStatus status) {
        return Ticket.parse(signer.verify("ticket", status.ticket()).orElseThrow())
                .orElseThrow()
                .number();
    }

    private static long admitted(WaitingRoom room, List<TicketStatus> tickets) {
        return tickets.stream()
                .filter(t -> room.status(t.ticket()).state() == TicketStatus.State.ADMITTED)
                .count();
    }

    private static void tickConcurrently(WaitingRoom a, WaitingRoom b) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                WaitingRoom room = i % 2 == 0 ? a : b;
                threads.submit(() -> {
                    start.await();
                    for (int n = 0; n < 50; n++) {
                        room.tick();
                    }
                    return null;
                });
            }
            start.countDown();
        }
    }

    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
