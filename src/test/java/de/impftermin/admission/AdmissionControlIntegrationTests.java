package de.impftermin.admission;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.admission.WaitingRoomIntegrationTests.MutableClock;
import de.impftermin.platform.BookingPressure;
import de.impftermin.platform.BookingPressure.Pressure;
import de.impftermin.platform.Signer;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The adaptive admission rate against the real database: instances share the rate in effect through the queue row,
 * the serving counter advances at it, and operators set and see it. Each test uses a queue of its own, except the
 * HTTP tests, which use the shared queue and leave it as they found it.
 */
@IntegrationTest
class AdmissionControlIntegrationTests {

    @Autowired
    WaitingRoomRepository repository;

    @Autowired
    Signer signer;

    @Autowired
    BookingPressure bookingPressure;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    final MutableClock clock = new MutableClock(Instant.now());
    final String queue = "adaptive-" + UUID.randomUUID();
    final AtomicBoolean seriesLeft = new AtomicBoolean(true);

    @Test
    void twoInstancesSeeingCongestionWithinTwoSecondsLowerTheRateOnce() throws Exception {
        WaitingRoom a = room(1000, true);
        WaitingRoom b = room(1000, true);
        FakePressure onA = new FakePressure();
        FakePressure onB = new FakePressure();
        AdmissionControl controlA = control(a, onA);
        AdmissionControl controlB = control(b, onB);
        assertThat(a.state().admittingRate()).isEqualTo(50);

        onA.add(100, 0, 3);
        onB.add(100, 0, 2);
        assertThat(concurrently(controlA::adapt, controlB::adapt)).containsExactlyInAnyOrder(true, false);
        assertThat(rateInEffect()).isEqualTo(35);

        clock.advance(Duration.ofSeconds(1));
        a.tick();
        b.tick();
        onA.add(10, 0, 3);
        onB.add(10, 3, 0);
        assertThat(controlA.adapt()).as("a second after the decrease").isFalse();
        assertThat(controlB.adapt()).as("a second after the decrease").isFalse();
        assertThat(rateInEffect()).isEqualTo(35);

        clock.advance(Duration.ofSeconds(1));
        a.tick();
        b.tick();
        onA.add(10, 0, 1);
        onB.add(10, 0, 1);
        assertThat(concurrently(controlA::adapt, controlB::adapt)).containsExactlyInAnyOrder(true, false);
        assertThat(rateInEffect())
                .as("at most 22 people a second booked: 90 % of that, but at most halving, and not under the floor")
                .isEqualTo(20);
    }

    @Test
    void raisesTheRateOncePerIntervalOverAllInstancesWhilePeopleWait() {
        WaitingRoom a = room(1000, true);
        WaitingRoom b = room(1000, true);
        AdmissionControl controlA = control(a, new FakePressure());
        FakePressure busyB = new FakePressure();
        AdmissionControl controlB = control(b, busyB);
        for (int i = 0; i < 1500; i++) {
            a.join();
        }
        b.tick();
        assertThat(b.state().waiting()).isPositive();

        assertThat(controlA.adapt()).as("slow start").isTrue();
        assertThat(rateInEffect()).isEqualTo(100);
        b.tick();
        assertThat(controlB.adapt()).as("within the interval").isFalse();

        clock.advance(Duration.ofSeconds(1));
        b.tick();
        busyB.add(99, 0, 0);
        assertThat(controlB.adapt()).as("fewer requests than people admitted").isFalse();
        clock.advance(Duration.ofSeconds(1));
        busyB.add(400, 0, 0);
        assertThat(controlB.adapt()).isTrue();
        assertThat(rateInEffect()).isEqualTo(200);
    }

    @Test
    void judgesWhetherTheRateIsUsedOnTheRequestsOfAllInstances() {
        WaitingRoom a = room(1000, true);
        WaitingRoom b = room(1000, true);
        FakePressure onA = new FakePressure();
        FakePressure onB = new FakePressure();
        AdmissionControl controlA = control(a, onA);
        AdmissionControl controlB = control(b, onB);
        for (int i = 0; i < 1500; i++) {
            a.join();
        }
        b.tick();

        clock.advance(Duration.ofSeconds(1));
        onB.add(30, 0, 0);
        assertThat(controlB.adapt()).as("30 requests for 50 admitted").isFalse();
        onA.add(30, 0, 0);
        assertThat(controlA.adapt()).as("30 requests for 50 admitted").isFalse();

        clock.advance(Duration.ofSeconds(1));
        onB.add(30, 0, 0);
        a.tick();
        b.tick();
        assertThat(controlB.adapt())
                .as("each instance saw 30 of the 60 requests a second, together more than the 50 admitted")
                .isTrue();
        assertThat(rateInEffect()).isEqualTo(100);
    }

    @Test
    void showsHowLongAgoTheInstanceSteppedTheCounterAsAMetric() {
        assertThat(meters.get("impftermin.waiting-room.step.age").gauge().value())
                .as("the application's own queue is stepped every 100 ms")
                .isLessThan(1.0);
        assertThat(meters.get("impftermin.waiting-room.admitting-rate").gauge().value())
                .isPositive();
        WaitingRoom room = room(1000, true);
        room.tick();
        double justNow = room.secondsSinceTick();
        assertThat(justNow).isLessThan(1.0);
        assertThat(room.secondsSinceTick()).isGreaterThanOrEqualTo(justNow);
    }

    @Test
    void afterTheFirstCongestionRaisesByATenthAndOnlyEveryTwoSeconds() {
        WaitingRoom a = room(1000, true);
        WaitingRoom b = room(1000, true);
        FakePressure pressure = new FakePressure();
        AdmissionControl controlA = control(a, pressure);
        FakePressure busyB = new FakePressure();
        AdmissionControl controlB = control(b, busyB);
        for (int i = 0; i < 1500; i++) {
            a.join();
        }
        b.tick();
        assertThat(controlB.adapt()).isTrue();
        assertThat(rateInEffect()).isEqualTo(100);

        clock.advance(Duration.ofSeconds(1));
        pressure.add(100, 0, 3);
        a.tick();
        assertThat(controlA.adapt()).as("congested").isTrue();
        assertThat(rateInEffect())
                .as("90 % of the 50 people a second the path booked, at most halving")
                .isEqualTo(50);

        clock.advance(Duration.ofSeconds(1));
        b.tick();
        assertThat(controlB.adapt()).as("one second after a change").isFalse();
        clock.advance(Duration.ofSeconds(1));
        b.tick();
        busyB.add(200, 0, 0);
        assertThat(controlB.adapt()).isTrue();
        assertThat(rateInEffect()).as("a tenth and one, no more doubling").isEqualTo(56);
    }

    @Test
    void leavesTheRateAloneWhileNobodyWaits() {
        WaitingRoom room = room(1000, true);
        AdmissionControl control = control(room, new FakePressure());
        room.join();
        room.tick();
        assertThat(room.state().waiting()).isZero();
        assertThat(control.adapt()).isFalse();
        assertThat(rateInEffect()).isEqualTo(50);
    }

    @Test
    void doesNotRaiseTheRateWhileThePrequeueWaitsForItsOpeningOrWhileSoldOut() {
        WaitingRoom room = room(1000, true);
        AdmissionControl control = control(room, new FakePressure());
        room.configure(1000, clock.instant().plusSeconds(60), null);
        for (int i = 0; i < 300; i++) {
            assertThat(room.join().state()).isEqualTo(TicketStatus.State.WAITING);
        }
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            room.tick();
            assertThat(control.adapt()).as("before the opening").isFalse();
        }
        assertThat(rateInEffect()).isEqualTo(50);

        clock.advance(Duration.ofSeconds(30));
        room.tick();
        seriesLeft.set(false);
        assertThat(control.adapt()).as("sold out").isFalse();
        seriesLeft.set(true);
        assertThat(control.adapt()).as("admitting the opened pre-queue").isTrue();
        assertThat(rateInEffect()).isEqualTo(100);
    }

    @Test
    void advancesTheServingCounterAtTheRateInEffectNotAtTheCeiling() {
        WaitingRoom room = room(1000, true);
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            tickets.add(room.join());
        }
        assertThat(admitted(room, tickets))
                .as("the ceiling's second of allowance")
                .isEqualTo(1000);

        clock.advance(Duration.ofSeconds(1));
        room.tick();
        assertThat(admitted(room, tickets)).isEqualTo(1050);
        clock.advance(Duration.ofSeconds(2));
        room.tick();
        assertThat(admitted(room, tickets)).isEqualTo(1150);
        TicketStatus last = room.status(tickets.getLast().ticket());
        assertThat(last.position()).isEqualTo(850);
        assertThat(last.etaSeconds())
                .as("still rising from its start: estimated along the doubling, not at the ceiling (1 s) nor at 50/s")
                .isEqualTo(4);
    }

    @Test
    void congestionEndsTheSlowStartAlsoWhenTheRateCannotGoLower() {
        WaitingRoom room = room(1000, true);
        FakePressure pressure = new FakePressure();
        AdmissionControl control = control(room, pressure);
        List<TicketStatus> tickets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            tickets.add(room.join());
        }
        clock.advance(Duration.ofSeconds(1));
        room.tick();
        assertThat(room.state().rising()).isTrue();
        TicketStatus last = room.status(tickets.getLast().ticket());
        assertThat(last.etaSeconds()).as("along the doubling").isEqualTo(4);

        pressure.add(200, 0, 1);
        assertThat(control.adapt())
                .as("refused, but 50/s is under the 100 people a second the path booked: the rate stays")
                .isFalse();
        assertThat(rateInEffect()).isEqualTo(50);
        room.tick();
        assertThat(room.state().rising()).as("the slow start ended").isFalse();
        assertThat(room.status(last.ticket()).etaSeconds())
                .as("now at the 50/s in effect, no longer assuming a doubling that congestion has stopped")
                .isEqualTo(19);

        clock.advance(Duration.ofSeconds(1));
        room.tick();
        pressure.add(200, 0, 0);
        assertThat(control.adapt()).isTrue();
        assertThat(rateInEffect()).as("a tenth and one, no more doubling").isEqualTo(56);
    }

    @Test
    void configuringStartsTheRateInEffectOverAtTheInitialRate() {
        WaitingRoom room = room(1000, true);
        FakePressure busy = new FakePressure();
        AdmissionControl control = control(room, busy);
        for (int i = 0; i < 1500; i++) {
            room.join();
        }
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            room.tick();
            busy.add(1000, 0, 0);
            assertThat(control.adapt()).isTrue();
        }
        assertThat(rateInEffect()).isGreaterThan(60);

        QueueSettings set = room.configure(400, null, null);
        assertThat(set.ratePerSecond()).isEqualTo(400);
        assertThat(set.admittingRatePerSecond()).isEqualTo(50);
        assertThat(set.adaptive()).isTrue();
        assertThat(room.configure(30, null, null).admittingRatePerSecond()).isEqualTo(30);
        QueueSettings opening = room.configure(2000, clock.instant().plusSeconds(60), null);
        assertThat(opening.admittingRatePerSecond()).isEqualTo(50);
        assertThat(opening.prequeueOpensAt()).isNotNull();

        QueueSettings fixed = room.configure(400, null, false);
        assertThat(fixed.adaptive()).isFalse();
        assertThat(fixed.admittingRatePerSecond()).isEqualTo(400);
        assertThat(room.configure(400, null, true).admittingRatePerSecond()).isEqualTo(50);
    }

    @Test
    void neverChangesTheRateOfAQueueThatDoesNotAdapt() {
        WaitingRoom room = room(1000, false);
        FakePressure pressure = new FakePressure();
        AdmissionControl control = control(room, pressure);
        assertThat(room.state().admittingRate()).isEqualTo(1000);
        for (int i = 0; i < 3000; i++) {
            room.join();
        }
        room.tick();
        assertThat(room.state().waiting()).isPositive();

        pressure.add(10, 0, 50);
        assertThat(control.adapt()).isFalse();
        clock.advance(Duration.ofSeconds(3));
        room.tick();
        assertThat(control.adapt()).isFalse();
        assertThat(repository.decrease(queue, 1000, 700, clock.instant(), Duration.ZERO))
                .as("the row itself refuses")
                .isFalse();
        assertThat(repository.increase(queue, 1000, 700, clock.instant(), Duration.ZERO))
                .isFalse();
        assertThat(rateInEffect()).isEqualTo(1000);
    }

    @Test
    void letsAdministratorsSwitchAdaptationAndSeeTheRateInEffect() {
        Api admin = Api.on(port).asAdmin();
        try {
            ApiResponse adaptive = put(admin, "{\"ratePerSecond\":300,\"adaptive\":true}");
            assertThat(adaptive.status()).as(adaptive.toString()).isEqualTo(200);
            assertThat(adaptive.json().path("ratePerSecond").asDouble()).isEqualTo(300);
            assertThat(adaptive.json().path("admittingRatePerSecond").asDouble())
                    .isEqualTo(50);
            assertThat(adaptive.json().path("adaptive").asBoolean()).isTrue();

            ApiResponse kept = put(admin, "{\"ratePerSecond\":200}");
            assertThat(kept.json().path("adaptive").asBoolean())
                    .as("absent keeps it")
                    .isTrue();
            assertThat(kept.json().path("admittingRatePerSecond").asDouble()).isEqualTo(50);
        } finally {
            ApiResponse fixed = put(admin, "{\"ratePerSecond\":300,\"adaptive\":false}");
            assertThat(fixed.json().path("adaptive").asBoolean()).isFalse();
            assertThat(fixed.json().path("admittingRatePerSecond").asDouble()).isEqualTo(300);
        }
        ApiResponse seen = admin.get("/api/v1/admin/waiting-room");
        assertThat(seen.json().path("admittingRatePerSecond").asDouble()).isEqualTo(300);
        assertThat(seen.json().path("adaptive").isBoolean()).isTrue();
    }

    @Test
    void refusesAnAdaptiveThatIsNoBooleanAndChangesNothing() {
        Api admin = Api.on(port).asAdmin();
        JsonNode before = admin.get("/api/v1/admin/waiting-room").json();
        for (String body : List.of(
                "{\"ratePerSecond\":123,\"adaptive\":\"yes\"}", "{\"ratePerSecond\":123,\"adaptive\":[true]}")) {
            ApiResponse refused = put(admin, body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problemCode()).isEqualTo("MALFORMED_REQUEST");
            assertThat(refused.json().path("detail").asString()).isNotBlank();
        }
        JsonNode after = admin.get("/api/v1/admin/waiting-room").json();
        for (String field : List.of("ratePerSecond", "admittingRatePerSecond", "adaptive", "prequeueOpensAt")) {
            assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
        }
    }

    @Test
    void countsTheBookingPressureItFollowsAlsoAsAMetric() {
        Pressure before = bookingPressure.totals();
        double passedBefore = passedMetric();
        ApiResponse set = put(Api.on(port).asAdmin(), "{\"ratePerSecond\":300}");
        assertThat(set.status()).isEqualTo(200);
        Pressure since = bookingPressure.totals().minus(before);
        assertThat(since.passed() + since.delayed()).isGreaterThanOrEqualTo(1);
        assertThat(passedMetric() + delayedMetric()).isGreaterThan(passedBefore);
    }

    private WaitingRoom room(double ceiling, boolean adaptive) {
        return new WaitingRoom(queue, repository, signer, clock, properties(ceiling, adaptive), seriesLeft::get);
    }

    private AdmissionControl control(WaitingRoom room, BookingPressure pressure) {
        return new AdmissionControl(room, repository, pressure, clock, properties(1000, true));
    }

    private static WaitingRoomProperties properties(double ceiling, boolean adaptive) {
        return new WaitingRoomProperties(
                ceiling,
                Duration.ofMinutes(15),
                Duration.ofHours(12),
                Duration.ofMillis(100),
                adaptive,
                50,
                Duration.ofSeconds(1));
    }

    private double rateInEffect() {
        return repository.load(queue).admittingRate();
    }

    private ApiResponse put(Api admin, String body) {
        return admin.send("PUT", "/api/v1/admin/waiting-room", body);
    }

    private double passedMetric() {
        return meters.get("impftermin.overload.requests")
                .tag("outcome", "passed")
                .functionCounter()
                .count();
    }

    private double delayedMetric() {
        return meters.get("impftermin.overload.requests")
                .tag("outcome", "delayed")
                .functionCounter()
                .count();
    }

    private static long admitted(WaitingRoom room, List<TicketStatus> tickets) {
        return tickets.stream()
                .filter(t -> room.status(t.ticket()).state() == TicketStatus.State.ADMITTED)
                .count();
    }

    @SafeVarargs
    private static List<Boolean> concurrently(Callable<Boolean>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.length)) {
            for (Callable<Boolean> call : calls) {
                results.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<Boolean> changed = new ArrayList<>();
        for (Future<Boolean> result : results) {
            changed.add(result.get());
        }
        return changed;
    }

    /** The pressure one instance would measure, set by the test. */
    static final class FakePressure implements BookingPressure {

        private volatile Pressure totals = Pressure.NONE;

        void add(long passed, long delayed, long refused) {
            totals = new Pressure(totals.passed() + passed, totals.delayed() + delayed, totals.refused() + refused);
        }

        @Override
        public Pressure totals() {
            return totals;
        }
    }
}
