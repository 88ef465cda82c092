package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.BookingPressure.Pressure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class OverloadProtectionTests {

    final OverloadProtection filter = new OverloadProtection(
            new OverloadProtection.Limits(2, Duration.ofMillis(50), Duration.ofSeconds(7), Duration.ofMillis(20)),
            JsonMapper.builder().build());

    @Test
    void answers503WithRetryAfterBeyondTheLimitAndLetsRequestsInAgainAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(2);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MockHttpServletResponse>> busy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                busy.add(threads.submit(() -> run(post("/api/v1/holds"), () -> {
                    inside.countDown();
                    release.await();
                })));
            }
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse refused = run(post("/api/v1/bookings"), () -> {});
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("7");
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getContentAsString())
                    .contains("\"code\":\"OVERLOADED\"")
                    .contains("\"status\":503");

            MockHttpServletRequest page = post("/buchen/daten");
            page.addHeader("Accept", "text/html,application/xhtml+xml");
            MockHttpServletResponse refusedPage = run(page, () -> {});
            assertThat(refusedPage.getStatus()).isEqualTo(503);
            assertThat(refusedPage.getContentType()).startsWith("text/html");
            assertThat(refusedPage.getContentAsString()).contains("7 Sekunden").doesNotContain("Exception");

            MockHttpServletResponse feed = run(get("/api/v1/availability"), () -> {});
            assertThat(feed.getStatus()).isEqualTo(200);
            MockHttpServletResponse poll = run(get("/api/v1/waiting-room/tickets/abc"), () -> {});
            assertThat(poll.getStatus()).isEqualTo(200);

            release.countDown();
            for (Future<MockHttpServletResponse> f : busy) {
                assertThat(f.get().getStatus()).isEqualTo(200);
            }
        }
        assertThat(filter.available()).isEqualTo(2);
        assertThat(run(post("/api/v1/holds"), () -> {}).getStatus()).isEqualTo(200);
        assertThat(filter.totals()).as("reads are not counted").isEqualTo(new Pressure(3, 0, 2));
    }

    @Test
    void countsARequestThatWaitedLongerThanTheDelayTargetAsDelayed() throws Exception {
        OverloadProtection patient = new OverloadProtection(
                new OverloadProtection.Limits(1, Duration.ofSeconds(30), Duration.ofSeconds(7), Duration.ofMillis(50)),
                JsonMapper.builder().build());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        patient.bindTo(registry);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<MockHttpServletResponse> first = threads.submit(() -> run(patient, post("/api/v1/holds"), () -> {
                inside.countDown();
                release.await();
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            Future<MockHttpServletResponse> second =
                    threads.submit(() -> run(patient, post("/api/v1/bookings"), () -> {}));
            while (patient.queued() == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(150);
            release.countDown();
            assertThat(first.get().getStatus()).isEqualTo(200);
            assertThat(second.get().getStatus()).isEqualTo(200);
        }
        assertThat(patient.totals()).isEqualTo(new Pressure(1, 1, 0));
        assertThat(patient.totals().minus(new Pressure(1, 0, 0))).isEqualTo(new Pressure(0, 1, 0));
        for (String outcome : List.of("passed", "delayed")) {
            assertThat(registry.get("impftermin.overload.requests")
                            .tag("outcome", outcome)
                            .functionCounter()
                            .count())
                    .as(outcome)
                    .isEqualTo(1);
        }
        assertThat(registry.get("impftermin.overload.requests")
                        .tag("outcome", "refused")
                        .functionCounter()
                        .count())
                .isZero();
    }

    @Test
    void limitsOnlyDatabaseBoundEndpoints() {
        assertThat(OverloadProtection.databaseBound("POST", "/api/v1/holds")).isTrue();
        assertThat(OverloadProtection.databaseBound("POST", "/api/v1/bookings")).isTrue();
        assertThat(OverloadProtection.databaseBound("GET", "/api/v1/bookings/K7QM-3XTA-9PLW"))
                .isTrue();
        assertThat(OverloadProtection.databaseBound("POST", "/api/v1/verifications"))
                .isTrue();
        assertThat(OverloadProtection.databaseBound("POST", "/api/v1/hotline/bookings"))
                .isTrue();
        assertThat(OverloadProtection.databaseBound("POST", "/api/v1/admin/releases"))
                .isTrue();
        assertThat(OverloadProtection.databaseBound("GET", "/api/v1/admin/centres"))
                .isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/api/v1/availability"))
                .isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/api/v1/centres")).isFalse();
        // The portal at the rush: pages answered from the snapshot are unlimited, those that read the database not.
        assertThat(OverloadProtection.databaseBound("GET", "/")).isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/appointments")).isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/appointments/dorsten"))
                .isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/eligibility/result"))
                .isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/waiting-room")).isFalse();
        assertThat(OverloadProtection.databaseBound("GET", "/appointments/dorsten/2026-12-07"))
                .isTrue();
        assertThat(OverloadProtection.databaseBound("GET", "/appointments/held/42"))
                .isTrue();
        assertThat(OverloadProtection.databaseBound("GET", "/confirmation")).isTrue();
        assertThat(OverloadProtection.databaseBound("GET", "/manage/booking")).isTrue();
        assertThat(OverloadProtection.databaseBound("GET", "/warteliste/17")).isTrue();
        assertThat(OverloadProtection.databaseBound("POST", "/api/v1/waiting-room/tickets"))
                .isFalse();
    }

    interface Body {
        void run() throws Exception;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, Body body) throws Exception {
        return run(filter, request, body);
    }

    private static MockHttpServletResponse run(OverloadProtection filter, MockHttpServletRequest request, Body body)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                try {
                    body.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                res.setStatus(200);
            }
        }));
        return response;
    }

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
