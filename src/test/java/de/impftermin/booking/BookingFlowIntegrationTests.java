package de.impftermin.booking;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BookingFlowIntegrationTests extends ApiTestSupport {

    @Test
    void citizenVerifiedOverHttpBooksBothDosesAndFindsTheBookingWithCodeAndBirthDate() {
        LocalDate day = TestCentre.day(0);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
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
        assertThat(found.json().path("persons").get(0).path("lastName").asString())
                .isEqualTo(person.lastName());
        ApiResponse typed =
                api.get("/api/v1/bookings/" + code.toLowerCase().replace("-", "") + "?birthDate=" + person.birthDate());
        assertThat(typed.status()).as("the code as a person types it").isEqualTo(200);
        assertThat(citizens.codeFromInbox(phone, Duration.ofSeconds(15))).isNotBlank();
    }

    @Test
    void aWrongBirthDateLooksExactlyLikeAWrongCode() {
        LocalDate day = TestCentre.day(0);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Person person = Person.unique();
        String code = citizens.book(citizens.citizen(), centre.id(), day, null, person)
                .json()
                .path("code")
                .asString();

        ApiResponse wrongBirthDate = api.get(
                "/api/v1/bookings/" + code + "?birthDate=" + person.birthDate().plusDays(1));
        ApiResponse wrongCode = api.get("/api/v1/bookings/" + otherCode(code) + "?birthDate=" + person.birthDate());

        assertThat(wrongBirthDate.status()).isEqualTo(404);
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(wrongBirthDate.json().path("detail"))
                .isEqualTo(wrongCode.json().path("detail"));
        assertThat(wrongBirthDate.problemCode()).isEqualTo(wrongCode.problemCode());
        ApiResponse cancelWithWrongBirthDate = api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", person.birthDate().plusDays(1).toString()));
        assertThat(cancelWithWrongBirthDate.status()).isEqualTo(404);
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
    }

    @Test
    void cancellingFreesThePairsAtOnceAndTwiceIsHarmless() {
        LocalDate day = TestCentre.day(8);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Person person = Person.unique();
        ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), day, null, person);
        String code = booked.json().path("code").asString();
        String phone = booked.json().path("contact").path("phone").asString();
        Citizen next = citizens.citizen();
        assertThat(citizens.hold(next, centre.id(), day, null, Person.unique()).status())
                .isEqualTo(409);
        awaitFreeSeries(centre.id(), 0);

        int messagesBefore = count("select count(*) from outbox_message where recipient = ?", phone);
        ApiResponse cancelled = api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", person.birthDate().toString()));
        ApiResponse again = api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", person.birthDate().toString()));

        ApiResponse rehold = citizens.hold(next, centre.id(), day, null, Person.unique());
        assertThat(rehold.status()).as("the freed pair is claimable at once").isEqualTo(201);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("code").asString()).isEqualTo(code);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from outbox_message where recipient = ?", phone) - messagesBefore)
                .as("one cancellation message, not two")
                .isEqualTo(1);
        assertThat(api.get("/api/v1/bookings/" + code + "?birthDate=" + person.birthDate())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("CANCELLED");
        invariants.check(centre.id());
    }

    @Test
    void aCancelledPersonMayBookAgain() {
        LocalDate day = TestCentre.day(8);
        TestCentre centre = TestCentre.bookable(admin, day, 4);
        Person person = Person.unique();
        String code = citizens.book(citizens.citizen(), centre.id(), day, null, person)
                .json()
                .path("code")
                .asString();
        ApiResponse twice = citizens.book(citizens.citizen(), centre.id(), day, null, person);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("ALREADY_BOOKED");

        api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", person.birthDate().toString()));

        assertThat(citizens.book(citizens.citizen(), centre.id(), day, null, person)
                        .status())
                .isEqualTo(201);
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
    }

    private void awaitFreeSeries(String centreId, int expected) {
        Instant deadline = Instant.now().plusSeconds(5);
        int free = -1;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode centre : api.get("/api/v1/centres").json()) {
                if (centre.path("id").asString().equals(centreId)) {
                    free = centre.path("freeSeries").asInt();
                }
            }
            if (free == expected) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("centre " + centreId + " shows " + free + " free series, expected " + expected);
    }

    private static String otherCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
