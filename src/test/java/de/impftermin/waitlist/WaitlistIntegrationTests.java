package de.impftermin.waitlist;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waitlist API and the offer engine, against the real database. */
@IntegrationTest
class WaitlistIntegrationTests extends WaitlistTestSupport {

    @Test
    void registrationAnswersItsIdTokenStatusAndPositionAndAWrongTokenLearnsNothing() {
        TestCentre centre = TestCentre.create(admin);
        Registration first = register(List.of(centre.id()), Person.unique());
        Registration second = register(List.of(centre.id()), Person.unique());

        ApiResponse mine = api.get("/api/v1/waitlist/" + second.id(), second.headers());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("status").asString()).isEqualTo("WAITING");
        assertThat(mine.json().path("position").asInt()).isEqualTo(2);
        assertThat(mine.json().path("offer").isNull()).isTrue();
        assertThat(api.get("/api/v1/waitlist/" + second.id(), first.headers()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/waitlist/" + second.id()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/waitlist/" + second.id() + "/accept", null, first.headers())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        Citizen citizen = citizens.citizen();
        int before = count("select count(*) from waitlist_registration");
        Map<String, Object> noPersons = obj("persons", List.of(), "centreIds", List.of("x"), "contact", obj());
        Map<String, Object> unknownCentre = body(List.of("no-such-centre"), "a@example.org", Person.unique());
        Map<String, Object> badPostalCode =
                body(List.of("x"), "a@example.org", new Person("A", "B", LocalDate.of(1950, 1, 1), "12"));

        for (Map<String, Object> bad : List.of(noPersons, unknownCentre, badPostalCode)) {
            ApiResponse refused = api.post("/api/v1/waitlist", bad, "X-Verification-Token", citizen.token());
            assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
        }
        assertThat(api.post("/api/v1/waitlist", body(List.of("x"), "a@example.org", Person.unique()))
                        .status())
                .isEqualTo(401);
        assertThat(count("select count(*) from waitlist_registration")).isEqualTo(before);
    }

    @Test
    void anOfferIsAcceptedWithOneCallAndBooksExactlyAsTheBookingPathDoes() {
        LocalDate day = TestCentre.day(40);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Registration waiting = register(List.of(centre.id()), Person.unique());

        assertThat(runEngine()).isGreaterThanOrEqualTo(1);

        ApiResponse offered = api.get("/api/v1/waitlist/" + waiting.id(), waiting.headers());
        assertThat(offered.json().path("status").asString()).isEqualTo("OFFERED");
        assertThat(offered.json().path("offer").path("series").size()).isEqualTo(1);
        assertThat(offered.json()
                        .path("offer")
                        .path("series")
                        .get(0)
                        .path("appointments")
                        .size())
                .isEqualTo(2);
        assertThat(outboxTo(waiting.email()))
                .anySatisfy(body -> assertThat(body).contains("/warteliste/" + waiting.id() + "?t="));

        ApiResponse booked = api.post("/api/v1/waitlist/" + waiting.id() + "/accept", null, waiting.headers());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booked.json().path("code").asString()).isNotBlank();
        assertThat(booked.json().path("appointments").size()).isEqualTo(2);
        assertThat(status(waiting)).isEqualTo("BOOKED");
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
        invariants.check(centre.id());
        assertThat(api.post("/api/v1/waitlist/" + waiting.id() + "/accept", null, waiting.headers())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void acceptingAfterTheOfferExpiredIsRefusedWith410AndPutsTheRegistrationBackInLine() throws Exception {
        LocalDate day = TestCentre.day(41);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Registration waiting = register(List.of(centre.id()), Person.unique());
        runEngine(Duration.ofMillis(300), offer -> {});
        assertThat(status(waiting)).isEqualTo("OFFERED");

        Thread.sleep(400);
        ApiResponse late = api.post("/api/v1/waitlist/" + waiting.id() + "/accept", null, waiting.headers());

        assertThat(late.status()).as(late.toString()).isEqualTo(410);
        assertThat(late.problemCode()).isEqualTo("OFFER_EXPIRED");
        assertThat(status(waiting)).isEqualTo("WAITING");
        assertThat(invariants.confirmedBookings(centre.id())).isZero();
    }

    @Test
    void aDeclinedOfferPassesItsSeriesToTheNextInLineWithinOneEngineRun() {
        LocalDate day = TestCentre.day(42);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Registration first = register(List.of(centre.id()), Person.unique());
        Registration second = register(List.of(centre.id()), Person.unique());
        runEngine();
        assertThat(status(first)).isEqualTo("OFFERED");
        assertThat(status(second)).isEqualTo("WAITING");

        assertThat(api.post("/api/v1/waitlist/" + first.id() + "/decline", null, first.headers())
                        .status())
                .isEqualTo(200);
        runEngine();

        assertThat(status(second)).isEqualTo("OFFERED");
        assertThat(status(first)).isEqualTo("WAITING");
        assertThat(api.post("/api/v1/waitlist/" + second.id() + "/accept", null, second.headers())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aRegistrationEndsAfterThreeMissedOffersAndIsToldSo() {
        LocalDate day = TestCentre.day(39);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Registration waiting = register(List.of(centre.id()), Person.unique());

        for (int offer = 1; offer <= 3; offer++) {
            runEngine();
            assertThat(status(waiting)).as("offer " + offer).isEqualTo("OFFERED");
            assertThat(api.post("/api/v1/waitlist/" + waiting.id() + "/decline", null, waiting.headers())
                            .status())
                    .isEqualTo(200);
        }

        assertThat(status(waiting)).isEqualTo("ENDED");
        assertThat(outboxTo(waiting.email()))
                .hasSize(4)
                .anySatisfy(body -> assertThat(body).contains("3 Terminangebote nicht angenommen"));
        runEngine();
        assertThat(status(waiting)).isEqualTo("ENDED");
    }

    @Test
    void aHouseholdOfThreeIsOfferedOnlyThreeAdjacentSeries() {
        LocalDate day = TestCentre.day(43);
        // three series an hour apart: not together
        TestCentre apart = TestCentre.create(admin)
                .open(day, "09:00", "12:00", 1, 60)
                .open(day.plusDays(21), "09:00", "12:00", 1, 60)
                .deliver("comirnaty", 6, day.minusDays(1));
        apart.release("comirnaty", day, day, 3);
        Registration household = register(List.of(apart.id()), Person.unique(), Person.unique(), Person.unique());

        runEngine();
        assertThat(status(household)).isEqualTo("WAITING");

        // three series side by side in three lanes
        TestCentre together = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 3, 60)
                .open(day.plusDays(21), "09:00", "10:00", 3, 60)
                .deliver("comirnaty", 6, day.minusDays(1));
        together.release("comirnaty", day, day, 3);
        Registration both =
                register(List.of(apart.id(), together.id()), Person.unique(), Person.unique(), Person.unique());
        runEngine();

        ApiResponse offered = api.get("/api/v1/waitlist/" + both.id(), both.headers());
        assertThat(offered.json().path("status").asString()).isEqualTo("OFFERED");
        assertThat(offered.json().path("offer").path("series").size()).isEqualTo(3);
        assertThat(offered.json()
                        .path("offer")
                        .path("series")
                        .valueStream()
                        .map(s -> s.path("appointments").get(0).path("centreId").asString())
                        .distinct())
                .containsExactly(together.id());
        assertThat(status(household)).isEqualTo("WAITING");
    }

    @Test
    void anIneligibleRegistrationIsNeverOfferedAndTheNextWhoFitsIs() {
        LocalDate day = TestCentre.day(44);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 24, day.minusDays(1));
        Map<String, Object> release = centre.releaseBody("comirnaty", day, day, 2);
        release.put("eligibility", TestCentre.eligibility(null, LocalDate.of(1940, 12, 31), List.of()));
        assertThat(centre.tryRelease(release).status()).isEqualTo(201);
        Registration young = register(List.of(centre.id()), Person.unique());
        Registration old = register(
                List.of(centre.id()),
                new Person("Erna", "Alt" + System.nanoTime(), LocalDate.of(1935, 3, 1), TestCentre.POSTAL_CODE));

        runEngine();
        runEngine();

        assertThat(status(young)).isEqualTo("WAITING");
        assertThat(status(old)).isEqualTo("OFFERED");
    }

    @Test
    void aPersonBookedElsewhereLeavesTheWaitlistAndCannotRegisterAgain() {
        LocalDate day = TestCentre.day(45);
        TestCentre elsewhere = TestCentre.bookable(admin, day, 2);
        TestCentre wanted = TestCentre.create(admin);
        Person person = Person.unique();
        Registration registration = register(List.of(wanted.id(), elsewhere.id()), person);
        Registration next = register(List.of(elsewhere.id()), Person.unique());
        // booked elsewhere before the engine ran
        Citizen citizen = citizens.citizen();
        ApiResponse hold = citizens.hold(citizen, elsewhere.id(), day, null, person);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/bookings",
                                Requests.booking(hold.json().path("id").asString(), person),
                                citizen.bookingHeaders())
                        .status())
                .isEqualTo(201);

        runEngine();

        assertThat(status(registration)).isEqualTo("ENDED");
        assertThat(status(next)).isEqualTo("OFFERED");
        ApiResponse again = api.post(
                "/api/v1/waitlist",
                body(List.of(wanted.id()), "x@example.org", person),
                "X-Verification-Token",
                citizens.citizen().token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("ALREADY_BOOKED");
    }

    @Test
    void aCrashBetweenMakingTheOfferAndWritingItsMessageLeavesNeither() {
        LocalDate day = TestCentre.day(46);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Registration waiting = register(List.of(centre.id()), Person.unique());

        assertThatThrownBy(() -> runEngine(Duration.ofHours(2), offer -> {
                    throw new IllegalStateException("crash between offer and message");
                }))
                .hasMessageContaining("crash");

        assertThat(status(waiting)).isEqualTo("WAITING");
        assertThat(count("select count(*) from waitlist_offer where registration_id = ?::uuid", waiting.id()))
                .isZero();
        assertThat(count("select count(*) from hold where subject = ?", "WAITLIST:" + waiting.id()))
                .isZero();
        assertThat(outboxTo(waiting.email())).isEmpty();
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and (hold_expires_at is null or hold_expires_at <= now())",
                        centre.id()))
                .isEqualTo(1);

        runEngine();
        assertThat(status(waiting)).isEqualTo("OFFERED");
        assertThat(outboxTo(waiting.email())).hasSize(1);
    }

    @Test
    void aSeriesFreedByACancellationIsOfferedOnTheNextEngineRun() {
        LocalDate day = TestCentre.day(48);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Person booked = Person.unique();
        Citizen citizen = citizens.citizen();
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, null, booked);
        ApiResponse booking = api.post(
                "/api/v1/bookings",
                Requests.booking(hold.json().path("id").asString(), booked),
                citizen.bookingHeaders());
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        Registration waiting = register(List.of(centre.id()), Person.unique());
        runEngine();
        assertThat(status(waiting)).isEqualTo("WAITING");

        assertThat(api.post(
                                "/api/v1/bookings/"
                                        + booking.json().path("code").asString() + "/cancel",
                                obj("birthDate", booked.birthDate().toString()))
                        .status())
                .isEqualTo(200);
        runEngine();

        assertThat(status(waiting)).isEqualTo("OFFERED");
    }

    @Test
    void acceptingAfterBeingBookedElsewhereEndsTheRegistrationAndFreesTheOffer() {
        LocalDate day = TestCentre.day(49);
        TestCentre centre = TestCentre.bookable(admin, day, 2);
        Person person = Person.unique();
        Registration waiting = register(List.of(centre.id()), person);
        runEngine();
        Citizen citizen = citizens.citizen();
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, null, person);
        assertThat(api.post(
                                "/api/v1/bookings",
                                Requests.booking(hold.json().path("id").asString(), person),
                                citizen.bookingHeaders())
                        .status())
                .isEqualTo(201);

        ApiResponse accepted = api.post("/api/v1/waitlist/" + waiting.id() + "/accept", null, waiting.headers());

        assertThat(accepted.status()).isEqualTo(409);
        assertThat(status(waiting)).isEqualTo("ENDED");
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is null"
                                + " and (hold_expires_at is null or hold_expires_at <= now())",
                        centre.id()))
                .isEqualTo(1);
    }

    @Test
    void withdrawingFreesALiveOffersSeriesAtOnce() {
        LocalDate day = TestCentre.day(47);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Registration waiting = register(List.of(centre.id()), Person.unique());
        runEngine();

        ApiResponse withdrawn = api.send("DELETE", "/api/v1/waitlist/" + waiting.id(), null, waiting.headers());

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and hold_expires_at > now()",
                        centre.id()))
                .isZero();
    }

    @Test
    void theWaitlistEndpointsAreDocumentedInTheOpenApiDescription() {
        ApiResponse docs = api.get("/v3/api-docs");

        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/v1/waitlist",
                        "/api/v1/waitlist/{id}",
                        "/api/v1/waitlist/{id}/accept",
                        "/api/v1/waitlist/{id}/decline");
    }

    private List<String> outboxTo(String address) {
        return jdbc.sql("select body from outbox_message where recipient = ?")
                .param(address)
                .query(String.class)
                .list();
    }
}
