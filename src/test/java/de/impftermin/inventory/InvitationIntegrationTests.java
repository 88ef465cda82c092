package de.impftermin.inventory;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.BerlinTime;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Invitation codes: issued in bulk for an INVITATION release, stored hashed; a release of that channel books only with
 * a valid code, a code books once even when 20 people try it at the same moment, and a code of another release, a
 * wrong one or a used one is refused.
 */
@IntegrationTest
class InvitationIntegrationTests extends ApiTestSupport {

    @Autowired
    HoldHousekeeping housekeeping;

    @Autowired
    Spills spills;

    private static final String CODE = "[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5}";

    @Test
    void issuesDistinctCodesOfSixtyFourBitsFromAnUnambiguousAlphabetStoredOnlyHashed() {
        Invited release = invitationRelease(TestCentre.day(21), 4);

        ApiResponse issued = issue(release.id(), 100, 1);

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        List<String> codes = codes(issued);
        assertThat(codes).hasSize(100).allMatch(code -> code.matches(CODE));
        assertThat(new HashSet<>(codes)).hasSize(100);
        assertThat(count("select count(*) from invitation where release_id = ?", release.id()))
                .isEqualTo(100);
        String stored = jdbc.sql("select string_agg(code_hash, ',') from invitation where release_id = ?")
                .param(release.id())
                .query(String.class)
                .single();
        assertThat(codes).noneMatch(code -> stored.contains(code) || stored.contains(code.replace("-", "")));
        assertThat(count(
                        "select count(*) from audit_event where action = 'INVITATIONS_ISSUED' and subject = ?",
                        "release " + release.id()))
                .isEqualTo(1);
    }

    @Test
    void anInvitationReleaseBooksOnlyWithAValidUnusedCode() {
        LocalDate day = TestCentre.day(22);
        Invited release = invitationRelease(day, 4);
        String code = codes(issue(release.id(), 1, 1)).getFirst();
        Person person = Person.unique();

        ApiResponse without = hold(citizens.citizen(), release.centreId(), day, null, person);
        ApiResponse wrong = hold(citizens.citizen(), release.centreId(), day, "ABCD-EFGH-JKMNP", person);
        Citizen citizen = citizens.citizen();
        ApiResponse held =
                hold(citizen, release.centreId(), day, code.toLowerCase().replace("-", " "), person);
        ApiResponse booked = api.post(
                "/api/v1/bookings",
                Requests.booking(held.json().path("id").asString(), person),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
        ApiResponse again = hold(citizens.citizen(), release.centreId(), day, code, Person.unique());

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.problemCode()).isEqualTo("INVITATION_REQUIRED");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.problemCode()).isEqualTo("INVITATION_REQUIRED");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("INVITATION_USED");
        assertThat(count(
                        "select count(*) from invitation where release_id = ? and booking_id is not null",
                        release.id()))
                .isEqualTo(1);
    }

    @Test
    void theAddressThatHeldACodeIsForgottenOnceTheCodeIsBookedAndTheCodeStaysUsed() {
        LocalDate day = TestCentre.day(24);
        Invited release = invitationRelease(day, 2);
        String code = codes(issue(release.id(), 1, 1)).getFirst();
        Person person = Person.unique();
        Citizen citizen = citizens.citizen();
        ApiResponse held = hold(citizen, release.centreId(), day, code, person);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        ApiResponse booked = api.post(
                "/api/v1/bookings",
                Requests.booking(held.json().path("id").asString(), person),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(count(
                        "select count(*) from invitation where release_id = ? and hold_subject is not null",
                        release.id()))
                .isEqualTo(1);

        housekeeping.deleteLongExpiredHolds();

        assertThat(count(
                        "select count(*) from invitation where release_id = ? and hold_subject is not null",
                        release.id()))
                .isZero();
        ApiResponse again = hold(citizens.citizen(), release.centreId(), day, code, Person.unique());
        assertThat(again.problemCode()).isEqualTo("INVITATION_USED");
    }

    @Test
    void twentyPeopleTryingOneCodeAtOnceMakeOneBooking() {
        LocalDate day = TestCentre.day(23);
        Invited release = invitationRelease(day, 24);
        String code = codes(issue(release.id(), 1, 1)).getFirst();
        List<Citizen> racers = Race.prepare(20, i -> citizens.citizen());

        List<Integer> outcomes = Race.run(20, i -> {
            Person person = Person.unique();
            ApiResponse held = hold(racers.get(i), release.centreId(), day, code, person);
            if (held.status() != 201) {
                return held.status();
            }
            return api.post(
                            "/api/v1/bookings",
                            Requests.booking(held.json().path("id").asString(), person),
                            racers.get(i).bookingHeaders(UUID.randomUUID().toString()))
                    .status();
        });

        assertThat(outcomes).filteredOn(status -> status == 201).hasSize(1);
        assertThat(outcomes).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(count("select count(*) from booking where centre_id = ?", release.centreId()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is not null",
                        release.centreId()))
                .isEqualTo(1);
    }

    @Test
    void wrongCodesCountAgainstTheVerifiedAddressAndPastTheFreeOnesEvenTheRightCodeMustWait() {
        LocalDate day = TestCentre.day(28);
        Invited release = invitationRelease(day, 4);
        String code = codes(issue(release.id(), 1, 1)).getFirst();
        Citizen guesser = citizens.citizen();
        String subject = "SMS:" + guesser.address();

        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            wrong.add(hold(guesser, release.centreId(), day, "ABCD-EFGH-JKMN" + "23456".charAt(i), Person.unique())
                    .status());
        }
        int counted = count(
                "select count(*) from guess_failure where scope = 'invitation' and key_kind = 'KEY' and key_value = ?",
                subject);
        // five more failures a moment ago: the wait after ten is 2^5 s, long enough not to pass during the test
        jdbc.sql("""
                        insert into guess_failure (scope, key_kind, key_value, at)
                        select 'invitation', k, :subject, now() from unnest(array['CLIENT', 'KEY']) k, generate_series(1, 5)
                        """).param("subject", subject).update();
        ApiResponse waiting = hold(guesser, release.centreId(), day, code, Person.unique());
        ApiResponse other = hold(citizens.citizen(), release.centreId(), day, code, Person.unique());

        assertThat(wrong).containsOnly(403);
        assertThat(counted).isEqualTo(5);
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.problemCode()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(waiting.header("Retry-After").orElseThrow())).isBetween(1L, 3_600L);
        assertThat(other.status()).as("another address is not held up").isEqualTo(201);
        assertThat(count("select count(*) from invitation where release_id = ? and hold_id is not null", release.id()))
                .isEqualTo(1);
    }

    @Test
    void aCodeOfAnotherReleaseOrTooSmallAHouseholdIsRefused() {
        LocalDate day = TestCentre.day(24);
        Invited first = invitationRelease(day, 4);
        Invited second = invitationRelease(day, 4);
        String codeOfFirst = codes(issue(first.id(), 1, 1)).getFirst();

        ApiResponse elsewhere = hold(citizens.citizen(), second.centreId(), day, codeOfFirst, Person.unique());
        ApiResponse household =
                hold(citizens.citizen(), first.centreId(), day, codeOfFirst, Person.unique(), Person.unique());

        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.problemCode()).isEqualTo("INVITATION_REQUIRED");
        assertThat(household.status()).isEqualTo(403);
        assertThat(household.problemCode()).isEqualTo("INVITATION_REQUIRED");
        assertThat(count("select count(*) from invitation where release_id = ? and hold_id is not null", first.id()))
                .isZero();
    }

    @Test
    void refusesBadRequestsForCodesAndChangesNothing() {
        Invited release = invitationRelease(TestCentre.day(25), 4);
        TestCentre online = TestCentre.bookable(admin, TestCentre.day(25), 2);
        long onlineRelease = jdbc.sql("select id from release where centre_id = ?")
                .param(online.id())
                .query(Long.class)
                .single();
        String operator = "t-" + UUID.randomUUID().toString().substring(0, 13);
        admin.post(
                "/api/v1/admin/staff",
                obj(
                        "username",
                        operator,
                        "password",
                        "Impfbus fährt um acht",
                        "role",
                        "OPERATOR",
                        "centreIds",
                        List.of(release.centreId())));

        List<ApiResponse> refused = List.of(
                issue(release.id(), 0, 1),
                issue(release.id(), 10_001, 1),
                issue(release.id(), 10, 5),
                admin.post("/api/v1/admin/releases/" + release.id() + "/invitations", "{\"count\":"),
                admin.post("/api/v1/admin/releases/" + release.id() + "/invitations", obj("count", "viele")));
        ApiResponse wrongChannel = issue(onlineRelease, 10, 1);
        ApiResponse unknown = issue(999_999_999L, 10, 1);
        ApiResponse notAdmin = api.as(operator, "Impfbus fährt um acht")
                .post("/api/v1/admin/releases/" + release.id() + "/invitations", obj("count", 1));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isIn(400, 422);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        assertThat(wrongChannel.status()).isEqualTo(422);
        assertThat(wrongChannel.problemCode()).isEqualTo("NOT_AN_INVITATION_RELEASE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(count("select count(*) from invitation where release_id in (?, ?)", release.id(), onlineRelease))
                .isZero();
    }

    @Test
    void atTheDeadlineTheUnbookedInvitationSeriesGoOnlineExactlyOnceAndTheCodesAreReported() {
        LocalDate day = TestCentre.day(27);
        int lanes = 1;
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", lanes, 10)
                .open(day.plusDays(21), "09:00", "10:00", lanes, 10)
                .deliver("comirnaty", 100, day.minusDays(1));
        Instant spillAt = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new java.util.LinkedHashMap<>(centre.releaseBody("comirnaty", day, day, 6));
        body.put("channel", "INVITATION");
        body.put("spillAt", BerlinTime.show(spillAt).toString());
        ApiResponse created = centre.tryRelease(body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long releaseId = created.json().path("id").asLong();
        List<String> codes = codes(issue(releaseId, 2, 1));
        Person person = Person.unique();
        Citizen citizen = citizens.citizen();
        ApiResponse held = hold(citizen, centre.id(), day, codes.getFirst(), person);
        assertThat(api.post(
                                "/api/v1/bookings",
                                Requests.booking(held.json().path("id").asString(), person),
                                citizen.bookingHeaders(UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(201);

        List<List<ReleaseSpilled>> claims = Race.run(2, i -> spills.spill(spillAt.plusSeconds(1)));

        assertThat(claims.stream().mapToInt(List::size).sum())
                .as("spilled exactly once")
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and channel = 'ONLINE'"
                                + " and booking_id is null",
                        centre.id()))
                .isEqualTo(5);
        ApiResponse report = admin.get("/api/v1/admin/releases/" + releaseId + "/invitations");
        assertThat(report.json().path("issued").asInt()).isEqualTo(2);
        assertThat(report.json().path("used").asInt()).isEqualTo(1);
    }

    @Test
    void issuesTenThousandCodesInSeconds() throws Exception {
        Invited release = invitationRelease(TestCentre.day(26), 4);

        long started = System.nanoTime();
        ApiResponse issued = issue(release.id(), 10_000, 1);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(issued.status()).isEqualTo(201);
        assertThat(new HashSet<>(codes(issued))).hasSize(10_000);
        String line = "10000 invitation codes issued over HTTP in " + millis + " ms = "
                + (10_000L * 1000 / Math.max(1, millis)) + " codes/s";
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "invitation-codes-timing.txt"), line + "\n");
        assertThat(millis).isLessThan(10_000);
    }

    private record Invited(long id, String centreId) {}

    private Invited invitationRelease(LocalDate day, int series) {
        int lanes = Math.max(1, (series + 11) / 12);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", lanes, 5)
                .open(day.plusDays(21), "09:00", "10:00", lanes, 5)
                .deliver("comirnaty", series * 2, day.minusDays(1));
        Map<String, Object> body = new java.util.LinkedHashMap<>(centre.releaseBody("comirnaty", day, day, series));
        body.put("channel", "INVITATION");
        ApiResponse created = centre.tryRelease(body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Invited(created.json().path("id").asLong(), centre.id());
    }

    private ApiResponse issue(long releaseId, int count, int householdSize) {
        return admin.post(
                "/api/v1/admin/releases/" + releaseId + "/invitations",
                obj("count", count, "householdSize", householdSize));
    }

    private ApiResponse hold(Citizen citizen, String centreId, LocalDate day, String code, Person... persons) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Requests.hold(centreId, day, "09:00", persons));
        body.put("invitationCode", code);
        return api.post("/api/v1/holds", body, citizen.holdHeaders());
    }

    private static List<String> codes(ApiResponse issued) {
        List<String> codes = new ArrayList<>();
        for (JsonNode code : issued.json().path("codes")) {
            codes.add(code.asString());
        }
        return codes;
    }
}
