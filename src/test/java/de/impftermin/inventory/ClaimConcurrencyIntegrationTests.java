package de.impftermin.inventory;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The claim engine under real contention: real threads, real HTTP, the real PostgreSQL. */
@IntegrationTest
class ClaimConcurrencyIntegrationTests extends ApiTestSupport {

    @Test
    void twoHundredCitizensRacingForFortySeriesGetExactlyFortyHoldsOnDistinctPairs() {
        LocalDate day = TestCentre.day(1);
        TestCentre centre = TestCentre.bookable(admin, day, 40);
        List<Citizen> racers = Race.prepare(200, i -> citizens.citizen());

        List<ApiResponse> holds = Race.run(
                200,
                i -> Overload.retry(
                        () -> citizens.hold(racers.get(i), centre.id(), day, "09:" + (10 + i % 40), Person.unique())));

        List<ApiResponse> granted =
                holds.stream().filter(h -> h.status() == 201).toList();
        assertThat(granted).hasSize(40);
        assertThat(holds).filteredOn(h -> h.status() != 201).allSatisfy(h -> {
            assertThat(h.status()).as(h.toString()).isEqualTo(409);
            assertThat(h.problemCode()).isEqualTo("NO_APPOINTMENTS");
        });
        Set<String> firstDoses = new HashSet<>();
        for (ApiResponse hold : granted) {
            JsonNode first =
                    hold.json().path("series").get(0).path("appointments").get(0);
            firstDoses.add(first.path("startsAt").asString() + "#"
                    + hold.json().path("id").asString());
        }
        assertThat(count("select count(distinct hold_id) from appointment_pair where centre_id = ?", centre.id()))
                .isEqualTo(40);
        assertThat(count("select count(*) from appointment_pair where centre_id = ? and hold_id is null", centre.id()))
                .isZero();
        assertThat(firstDoses).hasSize(40);
        invariants.check(centre.id());
    }

    @Test
    void twoHouseholdsRacingForTheLastThreeSeriesOneGetsAllItsPairsTheOtherNothing() {
        for (int round = 0; round < 5; round++) {
            LocalDate day = TestCentre.day(2);
            TestCentre centre = TestCentre.bookable(admin, day, 3);
            List<Citizen> families = Race.prepare(2, i -> citizens.citizen());

            List<ApiResponse> holds = Race.run(
                    2,
                    i -> Overload.retry(() -> citizens.hold(
                            families.get(i), centre.id(), day, "09:00", Person.unique(), Person.unique())));

            assertThat(holds)
                    .filteredOn(h -> h.status() == 201)
                    .singleElement()
                    .satisfies(
                            winner -> assertThat(winner.json().path("series")).hasSize(2));
            assertThat(holds).filteredOn(h -> h.status() != 201).singleElement().satisfies(loser -> {
                assertThat(loser.status()).isEqualTo(409);
                assertThat(loser.problemCode()).isEqualTo("NO_APPOINTMENTS");
            });
            assertThat(count(
                            "select count(*) from appointment_pair where centre_id = ? and hold_id is not null",
                            centre.id()))
                    .isEqualTo(2);
            assertThat(count("select count(*) from hold where centre_id = ?", centre.id()))
                    .isEqualTo(1);
        }
    }

    @Test
    void aHouseholdGetsAdjacentAppointments() {
        LocalDate day = TestCentre.day(3);
        TestCentre centre = TestCentre.bookable(admin, day, 24);

        ApiResponse hold = citizens.hold(
                citizens.citizen(), centre.id(), day, "09:30", Person.unique(), Person.unique(), Person.unique());

        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        List<String> times = hold.json()
                .path("series")
                .valueStream()
                .map(s -> s.path("appointments")
                        .get(0)
                        .path("startsAt")
                        .asString()
                        .substring(11, 16))
                .toList();
        // two lanes: the nearest three seats to 09:30 are 09:30, 09:30 and 09:25 or 09:35
        assertThat(times).hasSize(3).contains("09:30");
        assertThat(times).allSatisfy(t -> assertThat(t).isIn("09:25", "09:30", "09:35"));
    }

    @Test
    void anExpiredHoldIsClaimableAgainAndCannotBeConfirmedAnyMore() {
        LocalDate day = TestCentre.day(4);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Citizen first = citizens.citizen();
        Citizen second = citizens.citizen();
        Person firstPerson = Person.unique();
        Person secondPerson = Person.unique();
        ApiResponse firstHold = citizens.hold(first, centre.id(), day, null, firstPerson);
        assertThat(firstHold.status()).as(firstHold.toString()).isEqualTo(201);
        assertThat(citizens.hold(second, centre.id(), day, null, secondPerson).status())
                .isEqualTo(409);

        jdbc.sql("update appointment_pair set hold_expires_at = now() - interval '1 minute' where centre_id = ?")
                .param(centre.id())
                .update();
        jdbc.sql("update hold set expires_at = now() - interval '1 minute' where centre_id = ?")
                .param(centre.id())
                .update();

        ApiResponse secondHold = citizens.hold(second, centre.id(), day, null, secondPerson);
        assertThat(secondHold.status()).as(secondHold.toString()).isEqualTo(201);
        ApiResponse late = api.post(
                "/api/v1/bookings",
                Requests.booking(firstHold.json().path("id").asString(), firstPerson),
                first.bookingHeaders());
        assertThat(late.status()).as(late.toString()).isEqualTo(410);
        assertThat(late.problemCode()).isEqualTo("HOLD_EXPIRED");
        ApiResponse booked = api.post(
                "/api/v1/bookings",
                Requests.booking(secondHold.json().path("id").asString(), secondPerson),
                second.bookingHeaders());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        invariants.check(centre.id());
    }

    @Test
    void anExpiredHoldThatNobodyClaimedCannotBeConfirmed() {
        LocalDate day = TestCentre.day(4);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, null, person);
        jdbc.sql("update appointment_pair set hold_expires_at = now() - interval '1 second' where centre_id = ?")
                .param(centre.id())
                .update();

        ApiResponse late = api.post(
                "/api/v1/bookings",
                Requests.booking(hold.json().path("id").asString(), person),
                citizen.bookingHeaders());

        assertThat(late.status()).as(late.toString()).isEqualTo(410);
        assertThat(late.problemCode()).isEqualTo("HOLD_EXPIRED");
        assertThat(invariants.confirmedBookings(centre.id())).isZero();
    }
}
