package de.impftermin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Overload;
import de.impftermin.support.Race;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Confirmations under real contention: hold + confirm by many threads over HTTP, checked in SQL. */
@IntegrationTest
class BookingConcurrencyIntegrationTests extends ApiTestSupport {

    @Test
    void twoHundredCitizensRacingForFortySeriesGetExactlyFortyConfirmationsAndNoSeatTwice() {
        LocalDate day = TestCentre.day(5);
        TestCentre centre = TestCentre.bookable(admin, day, 40);
        List<Citizen> racers = Race.prepare(200, i -> citizens.citizen());

        List<ApiResponse> outcomes = Race.run(200, i -> {
            Person person = Person.unique();
            ApiResponse hold =
                    Overload.retry(() -> citizens.hold(racers.get(i), centre.id(), day, "09:" + (10 + i % 40), person));
            if (hold.status() != 201) {
                return hold;
            }
            String key = UUID.randomUUID().toString();
            return Overload.retry(() -> api.post(
                    "/api/v1/bookings",
                    Requests.booking(hold.json().path("id").asString(), person),
                    racers.get(i).bookingHeaders(key)));
        });

        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(40);
        assertThat(outcomes).filteredOn(o -> o.status() != 201).allSatisfy(o -> {
            assertThat(o.status()).as(o.toString()).isEqualTo(409);
            assertThat(o.problemCode()).isEqualTo("NO_APPOINTMENTS");
        });
        assertThat(outcomes.stream()
                        .filter(o -> o.status() == 201)
                        .map(o -> o.json().path("code").asString())
                        .distinct())
                .hasSize(40);
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(40);
        assertThat(invariants.bookedPairs(centre.id())).isEqualTo(40);
        assertThat(count("select count(distinct pair_id) from booking_appointment where centre_id = ?", centre.id()))
                .isEqualTo(40);
        assertThat(count(
                        "select count(distinct starts_at::text || pair_id) from booking_appointment where centre_id = ?",
                        centre.id()))
                .isEqualTo(80);
        invariants.check(centre.id());
    }

    @Test
    void theSameIdempotencyKeyFromTwentyThreadsMakesOneBookingThatEveryThreadSees() {
        LocalDate day = TestCentre.day(6);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, null, person);
        String key = UUID.randomUUID().toString();

        List<ApiResponse> confirmations = Race.run(
                20,
                i -> Overload.retry(() -> api.post(
                        "/api/v1/bookings",
                        Requests.booking(hold.json().path("id").asString(), person),
                        citizen.bookingHeaders(key))));

        assertThat(confirmations)
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(201));
        assertThat(confirmations.stream()
                        .map(c -> c.json().path("code").asString())
                        .distinct())
                .hasSize(1);
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
        assertThat(invariants.bookedPairs(centre.id())).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameKeyAfterTheFactAnswersWithTheSameBooking() {
        LocalDate day = TestCentre.day(6);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, null, person);
        var body = Requests.booking(hold.json().path("id").asString(), person);

        ApiResponse first = api.post("/api/v1/bookings", body, citizen.bookingHeaders("retry-1"));
        ApiResponse retry = api.post("/api/v1/bookings", body, citizen.bookingHeaders("retry-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("code").asString())
                .isEqualTo(first.json().path("code").asString());
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
    }

    @Test
    void theSamePersonFromTwoDevicesGetsExactlyOneLiveBooking() {
        for (int round = 0; round < 5; round++) {
            LocalDate day = TestCentre.day(7);
            TestCentre centre = TestCentre.bookable(admin, day, 12);
            String surname =
                    "Müller" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x");
            Person spelledWithUmlaut = Person.of("Gisela", surname, "1941-05-03");
            Person spelledWithoutUmlaut = Person.of("GISELA", surname.replace("ü", "ue"), "1941-05-03");
            List<Person> spellings = List.of(spelledWithUmlaut, spelledWithoutUmlaut);
            List<Citizen> devices = Race.prepare(2, i -> citizens.citizen());
            List<ApiResponse> holds =
                    Race.prepare(2, i -> citizens.hold(devices.get(i), centre.id(), day, null, spellings.get(i)));
            assertThat(holds).allSatisfy(h -> assertThat(h.status()).isEqualTo(201));

            List<ApiResponse> confirmations = Race.run(
                    2,
                    i -> Overload.retry(() -> api.post(
                            "/api/v1/bookings",
                            Requests.booking(holds.get(i).json().path("id").asString(), spellings.get(i)),
                            devices.get(i).bookingHeaders("device-" + i))));

            assertThat(confirmations).filteredOn(c -> c.status() == 201).hasSize(1);
            assertThat(confirmations)
                    .filteredOn(c -> c.status() != 201)
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).as(c.toString()).isEqualTo(409);
                        assertThat(c.problemCode()).isEqualTo("ALREADY_BOOKED");
                    });
            assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
            assertThat(count(
                            "select count(*) from booking_person where live and last_name in (?, ?)",
                            spelledWithUmlaut.lastName(),
                            spelledWithoutUmlaut.lastName()))
                    .isEqualTo(1);
        }
    }

    @Test
    void refusedAndFailingConfirmationsAmongManyAtOnceFailAloneAndTheOthersBook() {
        LocalDate day = TestCentre.day(6);
        TestCentre centre = TestCentre.bookable(admin, day, 40);
        int n = 40;
        List<Citizen> racers = Race.prepare(n, i -> citizens.citizen());
        Person shared = Person.unique();
        List<Person> persons = Race.prepare(n, i -> i == 1 || i == 2 ? shared : Person.unique());
        List<ApiResponse> holds = Race.prepare(
                n, i -> citizens.hold(racers.get(i), centre.id(), day, "09:" + (10 + i % 40), persons.get(i)));
        assertThat(holds).allSatisfy(h -> assertThat(h.status()).isEqualTo(201));

        // every tenth names someone else than was held for (refused before writing), citizens 1 and 2 are the same
        // person (the second insert fails with a unique violation after writing): each fails alone
        List<ApiResponse> confirmations = Race.run(
                n,
                i -> Overload.retry(() -> api.post(
                        "/api/v1/bookings",
                        Requests.booking(
                                holds.get(i).json().path("id").asString(),
                                i % 10 == 5 ? Person.of("Other", "Person", "1960-02-02") : persons.get(i)),
                        racers.get(i).bookingHeaders(UUID.randomUUID().toString()))));

        for (int i = 0; i < n; i++) {
            ApiResponse c = confirmations.get(i);
            if (i % 10 == 5) {
                assertThat(c.status()).as(c.toString()).isEqualTo(422);
                assertThat(c.problemCode()).isEqualTo("PERSONS_MISMATCH");
            } else if (i != 1 && i != 2) {
                assertThat(c.status()).as(c.toString()).isEqualTo(201);
            }
        }
        assertThat(List.of(confirmations.get(1), confirmations.get(2)))
                .extracting(ApiResponse::status)
                .containsExactlyInAnyOrder(201, 409);
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(n - 4 - 1);
        assertThat(invariants.bookedPairs(centre.id())).isEqualTo(n - 4 - 1);
        invariants.check(centre.id());
    }
}
