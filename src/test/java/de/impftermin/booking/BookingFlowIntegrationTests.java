package de.impftermin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizen;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Json;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import de.impftermin.verification.Verifications;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BookingFlowIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Verifications verifications;

    Api api;
    Citizens citizens;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        citizens = new Citizens(api, jdbc, verifications);
    }

    @Test
    void citizenVerifiedOverHttpBooksBothDosesAndFindsTheBookingWithCodeAndBirthDate() {
        LocalDate day = TestCentre.day(0);
        TestCentre centre = TestCentre.bookable(api.asAdmin(), day, 12);
        String phone = Citizens.freshPhone();
        Citizen citizen =
                new Citizen(phone, citizens.verifyOverHttp(MessageChannel.SMS, phone), citizens.admissionPass());
        Person person = Person.unique();

        ApiResponse hold = citizens.hold(citizen, centre.id(), day, "09:30", person);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        JsonNode appointments = hold.json().path("series").get(0).path("appointments");
        assertThat(appointments.get(0).path("dose").asInt()).isEqualTo(1);
        assertThat(appointments.get(0).path("startsAt").asString()).startsWith(day + "T09:30:00+0");
        assertThat(appointments.get(1).path("startsAt").asString()).startsWith(day.plusDays(21) + "T09:30:00+0");

        ApiResponse booked = api.post(
                "/api/v1/bookings",
                Requests.booking(hold.json().path("id").asString(), person),
                citizen.bookingHeaders("k-1"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String code = booked.json().path("code").asString();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(booked.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booked.json().path("appointments")).hasSize(2);

        ApiResponse found = api.get("/api/v1/bookings/" + code + "?birthDate=" + person.birthDate());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("code").asString()).isEqualTo(code);
        assertThat(Json.write(
                        found.json().path("persons").get(0).path("lastName").asString()))
                .contains(person.lastName());
    }
}
