package de.impftermin.privacy;

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
import de.impftermin.waitlist.OfferEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A citizen's data-protection requests over the API: everything stored about their booking for whoever proves code,
 * birth date and a verified address of the booking; its erasure after cancelling, which anonymises the booking,
 * deletes the messages, waitlist registration and call-back that belong to it, and is audited without the data.
 */
@IntegrationTest
class PersonalDataIntegrationTests extends ApiTestSupport {

    @Autowired
    OfferEngine offerEngine;

    private final LocalDate day = TestCentre.day(8);

    @Test
    void theCitizenSeesEverythingStoredAboutTheirBooking() {
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        String email = Citizens.freshEmail();
        String code = book(centre, citizen, person, email);
        ApiResponse dayList = admin.get("/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/appointments");
        assertThat(dayList.status()).as(dayList.toString()).isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/appointments/" + code + "-1-1/check-in", obj())
                        .status())
                .isEqualTo(200);
        awaitSent(citizen.address(), code);

        ApiResponse answer = personalData(code, person.birthDate(), citizen.token());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode data = answer.json();
        JsonNode booking = data.path("booking").path("booking");
        assertThat(booking.path("code").asString()).isEqualTo(code);
        assertThat(booking.path("persons").get(0).path("lastName").asString()).isEqualTo(person.lastName());
        assertThat(booking.path("persons").get(0).path("birthDate").asString())
                .isEqualTo(person.birthDate().toString());
        assertThat(booking.path("contact").path("phone").asString()).isEqualTo(citizen.address());
        assertThat(booking.path("contact").path("email").asString()).isEqualTo(email);
        assertThat(booking.path("appointments").size()).isEqualTo(2);
        assertThat(data.path("booking").path("bookedThrough").asString()).isEqualTo(citizen.address());
        assertThat(data.path("visits").get(0).path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(data.path("messages").valueStream().map(m -> m.path("to").asString()))
                .contains(citizen.address(), email);
        assertThat(data.path("staffAccess")
                        .valueStream()
                        .map(a -> a.path("action").asString()))
                .contains("PERSONAL_DATA_READ", "APPOINTMENT_CHECKED_IN");
        assertThat(data.path("staffAccess").toString()).doesNotContain("admin");
        OffsetDateTime secondDose = OffsetDateTime.parse(
                booking.path("appointments").get(1).path("startsAt").asString());
        assertThat(OffsetDateTime.parse(data.path("anonymisedAfter").asString()).toInstant())
                .isEqualTo(secondDose.toInstant().plus(Duration.ofDays(30)));
    }

    @Test
    void onlyCodeBirthDateAndAVerifiedAddressOfTheBookingTogetherOpenIt() {
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        String code = book(centre, citizen, person, null);
        String stranger = citizens.verifyFast(Citizens.freshPhone());

        assertThat(api.get("/api/v1/bookings/" + code + "/personal-data?birthDate=" + person.birthDate())
                        .status())
                .isEqualTo(401);
        assertThat(personalData(code, person.birthDate(), "forged").status()).isEqualTo(401);
        assertThat(personalData(code, person.birthDate().plusDays(1), citizen.token())
                        .status())
                .isEqualTo(404);
        assertThat(personalData("AAAA-BBBB-CCCC", person.birthDate(), citizen.token())
                        .status())
                .isEqualTo(404);
        ApiResponse notTheirs = personalData(code, person.birthDate(), stranger);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.json().path("code").asString()).isEqualTo("CONTACT_NOT_VERIFIED");
        ApiResponse stillLive = erase(code, person.birthDate(), citizen.token());
        assertThat(stillLive.status()).isEqualTo(409);
        assertThat(stillLive.json().path("code").asString()).isEqualTo("BOOKING_NOT_CANCELLED");
        assertThat(erase(code, person.birthDate(), stranger).status()).isEqualTo(403);
        assertThat(persons(code)).isEqualTo(1);
    }

    @Test
    void afterCancellingTheCitizenErasesTheBookingAndItsCallBackAndTheErasureIsAuditedWithoutTheData() {
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        String code = book(centre, citizen, person, null);
        String callBack = callBackBooked(citizen, code);
        cancel(code, person);
        awaitSent(citizen.address(), "abgesagt");
        assertThat(personalData(code, person.birthDate(), citizen.token())
                        .json()
                        .path("callBacks")
                        .size())
                .isEqualTo(1);

        ApiResponse erased = erase(code, person.birthDate(), citizen.token());

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("status").asString()).isEqualTo("ERASED");
        assertThat(erased.json().path("persons").asInt()).isEqualTo(1);
        assertThat(erased.json().path("messages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(persons(code)).isZero();
        assertThat(count(
                        "select count(*) from booking where code = ? and contact_phone is null and anonymised_at is not null",
                        code))
                .isEqualTo(1);
        assertThat(count("select count(*) from call_back where id = ?::uuid", callBack))
                .isZero();
        assertThat(count(
                        "select count(*) from outbox_message where recipient = ? and strpos(body, ?) > 0",
                        citizen.address(),
                        code))
                .isZero();
        assertThat(api.get("/api/v1/bookings/" + code + "?birthDate=" + person.birthDate())
                        .status())
                .isEqualTo(404);
        List<String> audited = jdbc.sql("""
                        select actor || '|' || subject || '|' || detail || '|' || coalesce(client_address, '')
                        from audit_event where action = 'PERSONAL_DATA_ERASED' and subject = ?
                        """).param(code).query(String.class).list();
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry).startsWith("citizen|" + code + "|by the citizen: 1 person(s)");
            assertThat(entry)
                    .doesNotContain(
                            person.lastName(),
                            person.birthDate().toString(),
                            citizen.address().substring(3))
                    .endsWith("|");
        });
        assertThat(erase(code, person.birthDate(), citizen.token()).status())
                .as("nothing left to find")
                .isEqualTo(404);
    }

    @Test
    void erasingABookingFromTheWaitlistDeletesItsRegistration() {
        LocalDate later = TestCentre.day(60);
        TestCentre centre = TestCentre.bookable(admin, later, 1);
        String email = Citizens.freshEmail();
        Person person = Person.unique();
        ApiResponse registered = api.post(
                "/api/v1/waitlist",
                obj(
                        "persons",
                        List.of(Requests.details(person)),
                        "centreIds",
                        List.of(centre.id()),
                        "vaccine",
                        null,
                        "contact",
                        obj("phone", null, "email", email)),
                "X-Verification-Token",
                citizens.citizen().token());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().path("id").asString();
        String[] waitlistToken = {
            "X-Waitlist-Token", registered.json().path("token").asString()
        };
        offerEngine.run();
        ApiResponse booked = api.post("/api/v1/waitlist/" + id + "/accept", null, waitlistToken);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String code = booked.json().path("code").asString();
        cancel(code, person);
        String emailToken = citizens.verifyOverHttp(MessageChannel.EMAIL, email);
        assertThat(personalData(code, person.birthDate(), emailToken)
                        .json()
                        .path("waitlist")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(id);

        ApiResponse erased = erase(code, person.birthDate(), emailToken);

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("waitlistRegistrations").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from waitlist_registration where id = ?::uuid", id))
                .isZero();
        assertThat(count("select count(*) from waitlist_offer where registration_id = ?::uuid", id))
                .isZero();
    }

    @Test
    void badInputIsRefusedWithoutAnErrorOnOurSideAndBothPathsAreDocumented() {
        String token = citizens.verifyFast(Citizens.freshPhone());

        assertThat(api.get(
                                "/api/v1/bookings/AAAA-BBBB-CCCC/personal-data?birthDate=gestern",
                                "X-Verification-Token",
                                token)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/bookings/AAAA-BBBB-CCCC/personal-data", "X-Verification-Token", token)
                        .status())
                .isIn(400, 422);
        for (Object bad :
                new Object[] {obj(), obj("birthDate", "1950-13-40"), obj("birthDate", "1066-10-14"), "not json"}) {
            ApiResponse refused = api.post("/api/v1/bookings/AAAA-BBBB-CCCC/erase", bad, "X-Verification-Token", token);
            assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
            assertThat(refused.json().path("code").asString()).isNotBlank();
        }
        assertThat(fieldNames(api.get("/v3/api-docs").json().path("paths")))
                .contains("/api/v1/bookings/{code}/personal-data", "/api/v1/bookings/{code}/erase");
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private String book(TestCentre centre, Citizen citizen, Person person, String email) {
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, "09:00", person);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        ApiResponse booked = api.post(
                "/api/v1/bookings",
                obj(
                        "holdId",
                        hold.json().path("id").asString(),
                        "persons",
                        List.of(Requests.details(person)),
                        "contact",
                        obj("phone", citizen.address(), "email", email)),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.json().path("code").asString();
    }

    private void cancel(String code, Person person) {
        ApiResponse cancelled = api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", person.birthDate().toString()));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }

    /** A call-back of the citizen's phone that an agent closed with this booking. */
    private String callBackBooked(Citizen citizen, String code) {
        ApiResponse requested = api.post(
                "/api/v1/callbacks", obj("postalCode", "46282", "persons", 1), "X-Verification-Token", citizen.token());
        assertThat(requested.status()).as(requested.toString()).isIn(200, 201);
        String id = requested.json().path("id").asString();
        for (int i = 0; i < 200; i++) {
            ApiResponse taken = admin.post("/api/v1/hotline/callbacks/next", null);
            assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
            String takenId = taken.json().path("id").asString();
            ApiResponse outcome = admin.post(
                    "/api/v1/hotline/callbacks/" + takenId + "/outcome",
                    takenId.equals(id)
                            ? obj("outcome", "BOOKED", "bookingCode", code)
                            : obj("outcome", "NO_LONGER_NEEDED", "bookingCode", null));
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
            if (takenId.equals(id)) {
                return id;
            }
        }
        throw new AssertionError("call-back " + id + " was never taken");
    }

    private ApiResponse personalData(String code, LocalDate birthDate, String token) {
        return api.get(
                "/api/v1/bookings/" + code + "/personal-data?birthDate=" + birthDate, "X-Verification-Token", token);
    }

    private ApiResponse erase(String code, LocalDate birthDate, String token) {
        return api.post(
                "/api/v1/bookings/" + code + "/erase",
                obj("birthDate", birthDate.toString()),
                "X-Verification-Token",
                token);
    }

    private int persons(String code) {
        return count(
                "select count(*) from booking_person where booking_id = (select id from booking where code = ?)", code);
    }

    private void awaitSent(String to, String text) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (count(
                        "select count(*) from outbox_message where recipient = ? and strpos(body, ?) > 0 and sent_at is not null",
                        to,
                        text)
                == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message to " + to + " mentioning " + text + " was sent");
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
