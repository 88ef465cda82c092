package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The actuator as operators and scrapers meet it: health public, everything else for administrators only. */
@IntegrationTest
class MetricsIntegrationTests extends ApiTestSupport {

    private static final Pattern CONFIRMED_ONLINE =
            Pattern.compile("(?m)^impftermin_bookings_total\\{channel=\"ONLINE\",event=\"confirmed\"[^}]*} (\\S+)$");

    @Test
    void healthAndItsProbesArePublic() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            ApiResponse health = api.get(path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().path("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void everyOtherActuatorEndpointNeedsAnAdministrator() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
            ApiResponse anonymous = api.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.problemCode()).as(path).isEqualTo("UNAUTHORIZED");
        }
        String agent = "metrics-agent-" + System.nanoTime();
        admin.post(
                "/api/v1/admin/staff",
                de.impftermin.support.Json.obj(
                        "username", agent, "password", "a long agent password", "role", "AGENT"));
        assertThat(api.as(agent, "a long agent password")
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void prometheusScrapeCarriesTheMetricsOperatorsWatchAtTheRush() {
        TestCentre centre = TestCentre.bookable(admin, TestCentre.day(40), 4);
        double before = confirmedOnline(scrape());
        Citizen citizen = citizens.citizen();
        ApiResponse booked = citizens.book(citizen, centre.id(), TestCentre.day(40), "09:00", Person.unique());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        String scrape = scrape();

        assertThat(confirmedOnline(scrape)).isEqualTo(before + 1);
        assertThat(scrape)
                .contains("impftermin_group_commit_size")
                .contains("impftermin_group_commit_queued")
                .contains("impftermin_overload_requests_total")
                .contains("impftermin_waiting_room_admitting_rate")
                .contains("impftermin_waiting_room_waiting")
                .contains("impftermin_outbox_oldest_unsent")
                .contains("impftermin_outbox_delivery_delay")
                .contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds_count");
    }

    private String scrape() {
        ApiResponse scrape = admin.get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        return scrape.body();
    }

    private static double confirmedOnline(String scrape) {
        Matcher matcher = CONFIRMED_ONLINE.matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
