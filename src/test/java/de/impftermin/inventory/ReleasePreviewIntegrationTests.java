package de.impftermin.inventory;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A release's preview is what creating it then does; pausing keeps holds and bookings and holds nothing new;
 * withdrawing takes back the unbooked, unheld series and gives their doses back.
 */
@IntegrationTest
class ReleasePreviewIntegrationTests extends ApiTestSupport {

    private final LocalDate day = TestCentre.day(60);

    @Test
    void thePreviewIsExactlyWhatTheReleaseThenCreatesAndWritesNothing() {
        // two 1st-dose days of 24 seats, 2nd doses on two days 21 and 22 days later with fewer seats than asked for
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 2, 5)
                .open(day.plusDays(1), "09:00", "10:00", 2, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .open(day.plusDays(22), "09:00", "11:00", 1, 5)
                .deliver("comirnaty", 100, day.minusDays(1));
        Map<String, Object> body = centre.releaseBody("comirnaty", day, day.plusDays(1), 48);
        body.put("eligibility", TestCentre.eligibility(null, LocalDate.of(1961, 12, 31), List.of("46")));
        int releasesBefore = count("select count(*) from release where centre_id = ?", centre.id());

        ApiResponse preview = admin.post("/api/v1/admin/releases/preview", body);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(count("select count(*) from release where centre_id = ?", centre.id()))
                .isEqualTo(releasesBefore);
        assertThat(count("select count(*) from seat where centre_id = ? and pair_id is not null", centre.id()))
                .isZero();
        JsonNode shown = preview.json();
        assertThat(shown.path("series").asInt()).isEqualTo(36);
        assertThat(shown.path("dosesTaken").asLong()).isEqualTo(72);
        assertThat(shown.path("dosesAvailable").asLong()).isEqualTo(100);
        assertThat(shown.path("eligibility").path("postalCodePrefixes").get(0).asString())
                .isEqualTo("46");

        ApiResponse created = centre.tryRelease(body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long releaseId = created.json().path("id").asLong();
        assertThat(created.json().path("series").asInt())
                .isEqualTo(shown.path("series").asInt());
        assertThat(days(shown.path("firstDoseDays"))).isEqualTo(pairDays(releaseId, "first_starts_at"));
        assertThat(days(shown.path("secondDoseDays"))).isEqualTo(pairDays(releaseId, "second_starts_at"));
        assertThat(count("select (series * doses_per_series)::int from release where id = ?", releaseId))
                .isEqualTo(shown.path("dosesTaken").asInt());
        invariants.check(centre.id());

        // the same request again: the preview says what creating it would answer
        ApiResponse refusedPreview = admin.post("/api/v1/admin/releases/preview", body);
        ApiResponse refused = centre.tryRelease(body);
        assertThat(refusedPreview.status()).isEqualTo(422);
        assertThat(refusedPreview.problemCode())
                .isEqualTo(refused.problemCode())
                .isEqualTo("INSUFFICIENT_DOSES");
    }

    @Test
    void aPausedReleaseHoldsNothingNewWhileItsHoldsAndBookingsStay() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        long release = releaseOf(centre);
        Citizen holding = citizens.citizen();
        Person person = Person.unique();
        ApiResponse held = citizens.hold(holding, centre.id(), day, "09:00", person);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);

        ApiResponse paused = admin.post("/api/v1/admin/releases/" + release + "/pause", null);

        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().path("status").asString()).isEqualTo("PAUSED");
        assertThat(admin.post("/api/v1/admin/releases/" + release + "/pause", null)
                        .json()
                        .path("changed")
                        .asBoolean())
                .isFalse();
        ApiResponse refused = citizens.hold(citizens.citizen(), centre.id(), day, "09:30", Person.unique());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("NO_APPOINTMENTS");
        ApiResponse booked = api.post(
                "/api/v1/bookings",
                Requests.booking(held.json().path("id").asString(), person),
                holding.bookingHeaders(UUID.randomUUID().toString()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(count(
                        "select count(*) from audit_event where action = 'RELEASE_PAUSED' and subject = ?",
                        "release:" + release))
                .isEqualTo(1);

        assertThat(admin.post("/api/v1/admin/releases/" + release + "/resume", null)
                        .status())
                .isEqualTo(200);
        assertThat(citizens.hold(citizens.citizen(), centre.id(), day, "09:30", Person.unique())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void withdrawingTakesBackTheUnbookedUnheldSeriesAndGivesTheirDosesBack() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        long release = releaseOf(centre);
        Citizen holding = citizens.citizen();
        ApiResponse held = citizens.hold(holding, centre.id(), day, "09:00", Person.unique());
        assertThat(held.status()).isEqualTo(201);
        ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), day, "09:30", Person.unique());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        ApiResponse withdrawn = admin.post("/api/v1/admin/releases/" + release + "/withdraw", null);

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("seriesWithdrawn").asInt()).isEqualTo(10);
        assertThat(invariants.pairsOfRelease(release)).hasSize(2);
        assertThat(count("select count(*) from seat where centre_id = ? and pair_id is not null", centre.id()))
                .isEqualTo(4);
        assertThat(count(
                        "select ((series - series_withdrawn) * doses_per_series - doses_returned)::int from release where id = ?",
                        release))
                .isEqualTo(4);
        assertThat(admin.post("/api/v1/admin/releases/" + release + "/resume", null)
                        .problemCode())
                .isEqualTo("RELEASE_WITHDRAWN");
        invariants.check(centre.id());
    }

    @Test
    void anOperatorOfAnotherCentreCannotPreviewPauseOrWithdrawThisCentresReleases() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        long release = releaseOf(centre);
        TestCentre other = TestCentre.create(admin);
        Api stranger = operator(other.id());

        assertThat(stranger.post("/api/v1/admin/releases/preview", centre.releaseBody("comirnaty", day, day, 1))
                        .status())
                .isEqualTo(403);
        assertThat(stranger.post("/api/v1/admin/releases/" + release + "/pause", null)
                        .status())
                .isEqualTo(403);
        assertThat(stranger.post("/api/v1/admin/releases/" + release + "/withdraw", null)
                        .status())
                .isEqualTo(403);
        assertThat(invariants.pairsOfRelease(release)).hasSize(12);
        assertThat(jdbc.sql("select paused_at is null from release where id = ?")
                        .param(release)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private long releaseOf(TestCentre centre) {
        return jdbc.sql("select id from release where centre_id = ?")
                .param(centre.id())
                .query(Long.class)
                .single();
    }

    private static Map<String, Integer> days(JsonNode list) {
        Map<String, Integer> days = new LinkedHashMap<>();
        list.forEach(d -> days.put(d.path("date").asString(), d.path("series").asInt()));
        return days;
    }

    private Map<String, Integer> pairDays(long releaseId, String column) {
        Map<String, Integer> days = new LinkedHashMap<>();
        jdbc.sql("select (" + column + " at time zone 'Europe/Berlin')::date::text, count(*) from appointment_pair"
                        + " where release_id = ? and " + column + " is not null group by 1 order by 1")
                .param(releaseId)
                .query((rs, n) -> days.put(rs.getString(1), rs.getInt(2)))
                .list();
        return days;
    }

    private Api operator(String centreId) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 12);
        TestCentre.expect(
                admin.post(
                        "/api/v1/admin/staff",
                        obj(
                                "username",
                                username,
                                "password",
                                "correct horse battery",
                                "role",
                                "OPERATOR",
                                "centreIds",
                                List.of(centreId))),
                201,
                "create operator");
        return api.as(username, "correct horse battery");
    }
}
