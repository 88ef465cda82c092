package de.impftermin.booking;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizen;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import de.impftermin.verification.Verifications;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RebookingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Verifications verifications;

    private Api api;
    private Citizens citizens;
    private Citizen citizen;
    private final LocalDate day = TestCentre.day(0);
    private TestCentre first;
    private TestCentre second;
    private final Person erna = Person.unique();
    private final Person karl = Person.unique();

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        citizens = new Citizens(api, jdbc, verifications);
        citizen = citizens.citizen();
        first = TestCentre.bookable(api.asAdmin(), day, 6);
        second = TestCentre.bookable(api.asAdmin(), day, 6);
    }

    @Test
    void movesBothPersonsToTheNewCentreAndFreesTheOldAppointmentsInOneStep() {
        String code = book(first);
        String holdId = hold(second, erna, karl);

        ApiResponse rebooked = rebook(code, erna.birthDate(), holdId);

        assertThat(rebooked.status()).as(rebooked.toString()).isEqualTo(201);
        JsonNode booking = rebooked.json();
        assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booking.path("code").asString()).isNotEqualTo(code);
        assertThat(booking.path("appointments")).hasSize(4);
        assertThat(booking.path("appointments").get(0).path("centreId").asString())
                .isEqualTo(second.id());
        assertThat(booking.path("persons").get(1).path("lastName").asString()).isEqualTo(karl.lastName());
        assertThat(status(code)).isEqualTo("CANCELLED");
        // the old pairs are free again at once: all 6 series of the first centre can be held (4 + 2)
        Person[] four = {Person.unique(), Person.unique(), Person.unique(), Person.unique()};
        assertThat(citizens.hold(citizen, first.id(), day, null, four).status()).isEqualTo(201);
        assertThat(citizens.hold(citizen, first.id(), day, null, Person.unique(), Person.unique())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void keepsTheOldAppointmentsWhenTheHoldIsForOtherPeople() {
        String code = book(first);
        String holdForOne = hold(second, erna);

        ApiResponse refused = rebook(code, erna.birthDate(), holdForOne);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemCode()).isEqualTo("PERSONS_MISMATCH");
        assertThat(status(code)).isEqualTo("CONFIRMED");
    }

    @Test
    void keepsTheOldAppointmentsWhenTheHoldIsUnknown() {
        String code = book(first);

        assertThat(rebook(code, erna.birthDate(), UUID.randomUUID().toString()).status())
                .isEqualTo(404);
        assertThat(status(code)).isEqualTo("CONFIRMED");
    }

    @Test
    void refusesToRebookACancelledBooking() {
        String code = book(first);
        api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", erna.birthDate().toString()));
        String holdId = hold(second, erna, karl);

        ApiResponse refused = rebook(code, erna.birthDate(), holdId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("BOOKING_CANCELLED");
    }

    @Test
    void refusesAWrongBirthDateLikeAWrongCode() {
        String code = book(first);
        String holdId = hold(second, erna, karl);

        assertThat(rebook(code, LocalDate.of(1931, 1, 1), holdId).status()).isEqualTo(404);
        assertThat(status(code)).isEqualTo("CONFIRMED");
    }

    @Test
    void answersARetryWithTheSameIdempotencyKeyWithTheSameNewBooking() {
        String code = book(first);
        String holdId = hold(second, erna, karl);
        var body = obj("birthDate", erna.birthDate().toString(), "holdId", holdId);

        ApiResponse once = api.post("/api/v1/bookings/" + code + "/rebook", body, citizen.bookingHeaders("r-1"));
        ApiResponse twice = api.post("/api/v1/bookings/" + code + "/rebook", body, citizen.bookingHeaders("r-1"));

        assertThat(once.status()).isEqualTo(201);
        assertThat(twice.json().path("code").asString())
                .isEqualTo(once.json().path("code").asString());
    }

    private String book(TestCentre centre) {
        ApiResponse booked = citizens.book(citizen, centre.id(), day, "09:00", erna, karl);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.json().path("code").asString();
    }

    private String hold(TestCentre centre, Person... persons) {
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, "09:00", persons);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.json().path("id").asString();
    }

    private ApiResponse rebook(String code, LocalDate birthDate, String holdId) {
        return api.post(
                "/api/v1/bookings/" + code + "/rebook",
                obj("birthDate", birthDate.toString(), "holdId", holdId),
                citizen.bookingHeaders());
    }

    private String status(String code) {
        ApiResponse found = api.get("/api/v1/bookings/" + code + "?birthDate=" + karl.birthDate());
        assertThat(found.status()).isEqualTo(200);
        return found.json().path("status").asString();
    }
}
