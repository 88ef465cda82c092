package de.impftermin.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.eligibility.Applicant;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The phone contingent's spill with a controlled clock: the instant handed to the spill is the test's, ahead of the
 * real clock the scheduled job on this instance sees, so only the test's two racing jobs can spill.
 */
@IntegrationTest
class SpillIntegrationTests extends ApiTestSupport {

    private static final int SERIES = 6;

    @Autowired
    Spills spills;

    @Autowired
    Holds holds;

    private final LocalDate day = TestCentre.day(61);

    private TestCentre centreWithPhoneContingent() {
        return TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 10)
                .open(day.plusDays(21), "09:00", "10:00", 1, 10)
                .deliver("comirnaty", 100, day);
    }

    private Map<String, Object> phoneRelease(TestCentre centre, Instant spillAt) {
        Map<String, Object> body = centre.releaseBody("comirnaty", day, day, SERIES);
        body.put("channel", "PHONE");
        body.put("spillAt", BerlinTime.show(spillAt).toString());
        return body;
    }

    @Test
    void twoRacingSpillJobsMoveTheUnbookedPhoneSeriesOnlineExactlyOnce() {
        TestCentre centre = centreWithPhoneContingent();
        // ahead of the real clock by more than this test takes, inside the ten minutes the test's hold lives
        Instant spillAt = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ApiResponse created = centre.tryRelease(phoneRelease(centre, spillAt));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(OffsetDateTime.parse(created.json().path("spillAt").asString())
                        .toInstant())
                .isEqualTo(spillAt);
        ApiResponse booked = admin.post(
                "/api/v1/hotline/bookings", Requests.phoneBooking(centre.id(), day, "09:00", Person.unique()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        holds.hold(new HoldRequest(
                centre.id(),
                day,
                null,
                null,
                List.of(new Applicant(LocalDate.of(1941, 5, 3), "46282")),
                "STAFF:spill-test",
                List.of(Channel.PHONE)));
        awaitCentre(centre.id(), c -> c.path("status").asString().equals("PHONE_ONLY"));
        assertThat(citizens.hold(citizens.citizen(), centre.id(), day, null, Person.unique())
                        .status())
                .as("citizens never get the phone contingent before the spill")
                .isEqualTo(409);

        List<List<ReleaseSpilled>> claims = Race.run(2, i -> spills.spill(spillAt.plusSeconds(1)));

        assertThat(claims.stream().mapToInt(List::size).sum())
                .as("spilled exactly once")
                .isEqualTo(1);
        assertThat(count("select count(*) from release where centre_id = ? and spilled_at is not null", centre.id()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and channel = 'ONLINE'",
                        centre.id()))
                .isEqualTo(SERIES - 2);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and channel = 'PHONE'"
                                + " and (booking_id is not null or hold_expires_at > now())",
                        centre.id()))
                .as("the booked and the held series are untouched")
                .isEqualTo(2);
        long started = System.nanoTime();
        JsonNode listed =
                awaitCentre(centre.id(), c -> c.path("status").asString().equals("BOOKABLE"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(listed.path("freeSeries").asInt()).isEqualTo(SERIES - 2);
        assertThat(citizens.hold(citizens.citizen(), centre.id(), day, null, Person.unique())
                        .status())
                .as("the spilled series are online")
                .isEqualTo(201);
        assertThat(spills.spill(spillAt.plusSeconds(2)))
                .as("nothing left to spill")
                .isEmpty();
        invariants.check(centre.id());
    }

    @Test
    void agentsStillBookTheSpilledSeriesOnceThePhoneContingentIsGone() {
        TestCentre centre = centreWithPhoneContingent();
        Instant spillAt = Instant.now().plus(Duration.ofDays(1));
        assertThat(centre.tryRelease(phoneRelease(centre, spillAt)).status()).isEqualTo(201);
        spills.spill(spillAt);

        ApiResponse booked = admin.post(
                "/api/v1/hotline/bookings", Requests.phoneBooking(centre.id(), day, "09:00", Person.unique()));

        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    }

    @Test
    void refusesASpillOfAnOnlineReleaseOrOneNotAfterTheOpening() {
        TestCentre centre = centreWithPhoneContingent();
        Map<String, Object> online = phoneRelease(centre, Instant.now().plus(Duration.ofDays(1)));
        online.put("channel", "ONLINE");
        Map<String, Object> early = phoneRelease(centre, Instant.now().minus(Duration.ofHours(1)));
        Map<String, Object> garbage = phoneRelease(centre, Instant.now());
        garbage.put("spillAt", "tomorrow");

        ApiResponse onlineAnswer = centre.tryRelease(online);
        ApiResponse earlyAnswer = centre.tryRelease(early);

        assertThat(onlineAnswer.status()).isEqualTo(422);
        assertThat(onlineAnswer.problemCode()).isEqualTo("INVALID_SPILL");
        assertThat(earlyAnswer.status()).isEqualTo(422);
        assertThat(earlyAnswer.problemCode()).isEqualTo("INVALID_SPILL");
        assertThat(centre.tryRelease(garbage).status()).isEqualTo(400);
        assertThat(count("select count(*) from release where centre_id = ?", centre.id()))
                .isZero();
    }

    private JsonNode awaitCentre(String id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            for (JsonNode centre : api.get("/api/v1/centres").json()) {
                if (centre.path("id").asString().equals(id) && condition.test(centre)) {
                    return centre;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("centre " + id + " not as expected in time");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
