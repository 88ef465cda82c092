package de.impftermin.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.BerlinTime;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Overload;
import de.impftermin.support.Race;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Releases: the dose ledger, pairing into series inside the vaccine's interval, and daylight-saving changes. */
@IntegrationTest
class ReleaseIntegrationTests extends ApiTestSupport {

    @Test
    void everySecondDoseOfAReleaseFallsInsideTheVaccinesInterval() {
        LocalDate day = TestCentre.day(10);
        TestCentre centre = TestCentre.create(admin);
        for (int d = 0; d < 7; d++) {
            centre.open(day.plusDays(d), "08:00", "12:00", 2, 10);
        }
        // uneven 2nd-dose capacity spread over the whole interval (and beyond it, which must not be used)
        for (int d = 19; d <= 50; d += 3) {
            centre.open(day.plusDays(d), "09:00", "11:00", 1 + d % 4, 15);
        }
        centre.deliver("comirnaty", 10_000, day.minusDays(1));

        JsonNode release = centre.release("comirnaty", day, day.plusDays(6), 300);

        long releaseId = release.path("id").asLong();
        int series = release.path("series").asInt();
        assertThat(series).isPositive().isLessThanOrEqualTo(300);
        assertThat(count("select count(*) from appointment_pair where release_id = ?", releaseId))
                .isEqualTo(series);
        assertThat(count(
                        "select count(*) from appointment_pair where release_id = ? and second_seat_id is null",
                        releaseId))
                .isZero();
        assertThat(count("""
                        select count(*) from appointment_pair
                        where release_id = ? and ((second_starts_at at time zone 'Europe/Berlin')::date
                                                  - (first_starts_at at time zone 'Europe/Berlin')::date) not between 21 and 42
                        """, releaseId)).isZero();
        invariants.check(centre.id());
    }

    @Test
    void vaxzevriaPairsSixtyThreeToEightyFourDaysLater() {
        LocalDate day = TestCentre.day(10);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 10)
                .open(day.plusDays(42), "09:00", "10:00", 1, 10)
                .open(day.plusDays(70), "09:00", "10:00", 1, 10)
                .deliver("vaxzevria", 100, day);

        JsonNode release = centre.release("vaxzevria", day, day, 6);

        assertThat(release.path("series").asInt()).isEqualTo(6);
        assertThat(count(
                        "select count(*) from appointment_pair where release_id = ? and second_starts_at::date - first_starts_at::date = 70",
                        release.path("id").asLong()))
                .isEqualTo(6);
        invariants.check(centre.id());
    }

    @Test
    void aReleaseWithoutSecondDoseCapacityIsRefusedAndCreatesNothing() {
        LocalDate day = TestCentre.day(11);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 2, 5)
                .open(day.plusDays(14), "09:00", "10:00", 2, 5)
                .open(day.plusDays(43), "09:00", "10:00", 2, 5)
                .deliver("comirnaty", 1000, day);

        ApiResponse refused = centre.tryRelease(centre.releaseBody("comirnaty", day, day, 10));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.problemCode()).isEqualTo("NO_SECOND_DOSE_CAPACITY");
        assertThat(count("select count(*) from release where centre_id = ?", centre.id()))
                .isZero();
        assertThat(count("select count(*) from appointment_pair where centre_id = ?", centre.id()))
                .isZero();
        assertThat(count("select count(*) from seat where centre_id = ? and pair_id is not null", centre.id()))
                .isZero();
    }

    @Test
    void aReleaseWithLittleSecondDoseCapacityIsSmallerNeverHalfPaired() {
        LocalDate day = TestCentre.day(12);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "11:00", 2, 5) // 48 first-dose seats
                .open(day.plusDays(30), "09:00", "09:50", 1, 5) // 10 second-dose seats
                .deliver("comirnaty", 1000, day);

        JsonNode release = centre.release("comirnaty", day, day, 48);

        assertThat(release.path("series").asInt()).isEqualTo(10);
        assertThat(release.path("status").asString()).isEqualTo("OPEN");
        assertThat(count(
                        "select count(*) from appointment_pair where release_id = ? and second_seat_id is not null",
                        release.path("id").asLong()))
                .isEqualTo(10);
        assertThat(count("select count(*) from seat where centre_id = ? and pair_id is not null", centre.id()))
                .isEqualTo(20);
        invariants.check(centre.id());
    }

    @Test
    void singleDoseReleasesHaveNoSecondSeatAndCountOneDosePerSeries() {
        LocalDate day = TestCentre.day(13);
        TestCentre centre =
                TestCentre.create(admin).open(day, "09:00", "10:00", 2, 5).deliver("jcovden", 20, day);

        JsonNode release = centre.release("jcovden", day, day, 20);

        assertThat(release.path("series").asInt()).isEqualTo(20);
        assertThat(count(
                        "select count(*) from appointment_pair where release_id = ? and second_seat_id is null and second_starts_at is null",
                        release.path("id").asLong()))
                .isEqualTo(20);
        ApiResponse hold = citizens.hold(citizens.citizen(), centre.id(), day, "09:00", Person.unique());
        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold.json().path("series").get(0).path("vaccine").asString()).isEqualTo("jcovden");
        assertThat(hold.json().path("series").get(0).path("appointments")).hasSize(1);
        ApiResponse more = centre.tryRelease(centre.releaseBody("jcovden", day, day, 1));
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.problemCode()).isEqualTo("INSUFFICIENT_DOSES");
    }

    @Test
    void theDoseLedgerRefusesReleasesThatConfirmedDeliveriesCannotCover() {
        LocalDate day = TestCentre.day(14);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "08:00", "18:00", 4, 5)
                .open(day.plusDays(1), "08:00", "18:00", 4, 5)
                .open(day.plusDays(21), "08:00", "18:00", 4, 5)
                .open(day.plusDays(22), "08:00", "18:00", 4, 5)
                .deliver("comirnaty", 100, day.minusDays(2))
                .deliver("spikevax", 1000, day.minusDays(2)) // another vaccine does not count
                .deliver("comirnaty", 1000, day.plusDays(2)); // arrives after the 1st doses: does not count

        ApiResponse tooMany = centre.tryRelease(centre.releaseBody("comirnaty", day, day, 51));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.problemCode()).isEqualTo("INSUFFICIENT_DOSES");

        assertThat(centre.release("comirnaty", day, day, 30).path("series").asInt())
                .isEqualTo(30);
        ApiResponse second = centre.tryRelease(centre.releaseBody("comirnaty", day.plusDays(1), day.plusDays(1), 21));
        assertThat(second.status())
                .as("the 2nd release counts the 60 doses of the 1st")
                .isEqualTo(422);
        assertThat(second.problemCode()).isEqualTo("INSUFFICIENT_DOSES");
        assertThat(centre.release("comirnaty", day.plusDays(1), day.plusDays(1), 20)
                        .path("series")
                        .asInt())
                .isEqualTo(20);
        assertThat(count("select count(*) from release where centre_id = ?", centre.id()))
                .isEqualTo(2);
        assertThat(count("select count(*) from appointment_pair where centre_id = ?", centre.id()))
                .isEqualTo(50);
    }

    @Test
    void releasesCreatedAtTheSameTimeNeverPairTheSameSeat() {
        LocalDate day = TestCentre.day(15);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 2, 5)
                .open(day.plusDays(21), "09:00", "10:00", 2, 5)
                .deliver("comirnaty", 10_000, day);

        List<ApiResponse> created = Race.run(
                4, i -> Overload.retry(() -> centre.tryRelease(centre.releaseBody("comirnaty", day, day, 24))));

        int series = created.stream()
                .filter(r -> r.status() == 201)
                .mapToInt(r -> r.json().path("series").asInt())
                .sum();
        assertThat(series).isEqualTo(24);
        assertThat(created).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.problemCode()).isIn("NO_CAPACITY", "NO_SECOND_DOSE_CAPACITY");
        });
        invariants.check(centre.id());
    }

    @Test
    void aScheduledReleaseIsNotBookableBeforeItOpens() {
        LocalDate day = TestCentre.day(16);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 10)
                .open(day.plusDays(21), "09:00", "10:00", 1, 10)
                .deliver("comirnaty", 100, day);
        Map<String, Object> body = centre.releaseBody("comirnaty", day, day, 6);
        body.put("opensAt", OffsetDateTime.now(BerlinTime.ZONE).plusDays(1).toString());

        ApiResponse release = centre.tryRelease(body);

        assertThat(release.status()).isEqualTo(201);
        assertThat(release.json().path("status").asString()).isEqualTo("SCHEDULED");
        ApiResponse hold = citizens.hold(citizens.citizen(), centre.id(), day, null, Person.unique());
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.problemCode()).isEqualTo("NO_APPOINTMENTS");
    }

    @Test
    void secondDosesAfterTheSpringChangeKeepTheWallClockTimeAndShowTheSummerOffset() {
        LocalDate change = nextTransition(true);
        // 1st doses on the six days before the change (+01:00), 2nd doses 21 days later (+02:00)
        LocalDate from = change.minusDays(6);
        LocalDate to = change.minusDays(1);
        assertDaylightSavingKept(from, to, "+01:00", "+02:00");
    }

    @Test
    void secondDosesAfterTheAutumnChangeKeepTheWallClockTimeAndShowTheWinterOffset() {
        LocalDate change = nextTransition(false);
        assertDaylightSavingKept(change.minusDays(6), change.minusDays(1), "+02:00", "+01:00");
    }

    private void assertDaylightSavingKept(LocalDate from, LocalDate to, String before, String after) {
        TestCentre centre = TestCentre.create(admin);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            centre.open(d, "09:30", "09:40", 1, 10).open(d.plusDays(21), "08:30", "10:40", 1, 60);
        }
        centre.deliver("comirnaty", 100, from.minusDays(1));
        JsonNode release = centre.release("comirnaty", from, to, 6);
        assertThat(release.path("series").asInt()).isEqualTo(6);
        assertThat(count("""
                        select count(*) from appointment_pair
                        where centre_id = ? and (first_starts_at at time zone 'Europe/Berlin')::time = '09:30'
                          and (second_starts_at at time zone 'Europe/Berlin')::time = '09:30'
                          and (second_starts_at at time zone 'Europe/Berlin')::date
                              = (first_starts_at at time zone 'Europe/Berlin')::date + 21
                        """, centre.id())).isEqualTo(6);

        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        ApiResponse hold = citizens.hold(citizen, centre.id(), to, "09:30", person);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        JsonNode appointments = hold.json().path("series").get(0).path("appointments");
        assertThat(appointments.get(0).path("startsAt").asString()).isEqualTo(to + "T09:30:00" + before);
        assertThat(appointments.get(1).path("startsAt").asString()).isEqualTo(to.plusDays(21) + "T09:30:00" + after);

        ApiResponse booked = api.post(
                "/api/v1/bookings",
                Requests.booking(hold.json().path("id").asString(), person),
                citizen.bookingHeaders());
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.json().path("appointments").get(1).path("startsAt").asString())
                .isEqualTo(to.plusDays(21) + "T09:30:00" + after);
        ApiResponse found = api.get(
                "/api/v1/bookings/" + booked.json().path("code").asString() + "?birthDate=" + person.birthDate());
        assertThat(found.json().path("appointments").get(0).path("startsAt").asString())
                .isEqualTo(to + "T09:30:00" + before);
    }

    /** The next spring (or autumn) change of Europe/Berlin at least two weeks ahead. */
    private static LocalDate nextTransition(boolean spring) {
        Instant at = Instant.now().plus(Duration.ofDays(14));
        while (true) {
            ZoneOffsetTransition transition = BerlinTime.ZONE.getRules().nextTransition(at);
            if (transition.isGap() == spring) {
                return transition.getDateTimeBefore().toLocalDate();
            }
            at = transition.getInstant().plusSeconds(1);
        }
    }
}
