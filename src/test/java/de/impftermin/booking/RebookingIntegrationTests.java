package de.impftermin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.BookableCentre;
import de.impftermin.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RebookingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private String base;
    private BookableCentre first;
    private BookableCentre second;
    private String token;
    private String pass;
    private final String lastName = "Rebook" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
        first = BookableCentre.withOpenRelease(base, "Kreis Recklinghausen", 10);
        second = BookableCentre.withOpenRelease(base, "Kreis Borken", 10);
        token = verifiedToken();
        pass = JSON.readTree(post("/api/v1/waiting-room/tickets", "", null, 201))
                .get("pass")
                .asString();
    }

    @Test
    void movesBothPersonsToTheNewCentreAndFreesTheOldAppointmentsInOneStep() {
        String code = book(first, first.firstDay);
        String holdId = hold(second, second.firstDay, 2);

        JsonNode rebooked = JSON.readTree(rebook(code, holdId, 201));

        assertThat(rebooked.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(rebooked.get("code").asString()).isNotEqualTo(code);
        assertThat(rebooked.get("appointments")).hasSize(4);
        assertThat(rebooked.get("appointments").get(0).get("centreId").asString())
                .isEqualTo(second.id);
        assertThat(rebooked.get("persons").get(1).get("firstName").asString()).isEqualTo("Karl");
        assertThat(status(code)).isEqualTo("CANCELLED");
        // the old pairs are free again: the same two persons can hold them at the first centre
        assertThat(hold(first, first.firstDay, 2)).isNotBlank();
    }

    @Test
    void keepsTheOldAppointmentsWhenTheHoldIsForOtherPeople() {
        String code = book(first, first.firstDay);
        String holdForOne = hold(second, second.firstDay, 1);

        String problem = rebook(code, holdForOne, 422);

        assertThat(problem).contains("PERSONS_MISMATCH");
        assertThat(status(code)).isEqualTo("CONFIRMED");
    }

    @Test
    void keepsTheOldAppointmentsWhenTheHoldIsUnknown() {
        String code = book(first, first.firstDay);

        rebook(code, UUID.randomUUID().toString(), 404);

        assertThat(status(code)).isEqualTo("CONFIRMED");
    }

    @Test
    void refusesToRebookACancelledBooking() {
        String code = book(first, first.firstDay);
        post("/api/v1/bookings/" + code + "/cancel", "{\"birthDate\":\"1941-05-03\"}", null, 200);
        String holdId = hold(second, second.firstDay, 2);

        assertThat(rebook(code, holdId, 409)).contains("BOOKING_CANCELLED");
    }

    @Test
    void refusesAWrongBirthDateLikeAWrongCode() {
        String code = book(first, first.firstDay);
        String holdId = hold(second, second.firstDay, 2);

        String body = "{\"birthDate\":\"1950-01-01\",\"holdId\":\"" + holdId + "\"}";
        post("/api/v1/bookings/" + code + "/rebook", body, token, 404);

        assertThat(status(code)).isEqualTo("CONFIRMED");
    }

    private String book(BookableCentre centre, LocalDate day) {
        String holdId = hold(centre, day, 2);
        String body = """
                {"holdId":"%s","persons":[
                  {"firstName":"Erna","lastName":"%s","birthDate":"1941-05-03","postalCode":"46282"},
                  {"firstName":"Karl","lastName":"%s","birthDate":"1939-11-20","postalCode":"46282"}]}
                """.formatted(holdId, lastName, lastName);
        return JSON.readTree(post("/api/v1/bookings", body, token, 201))
                .get("code")
                .asString();
    }

    private String hold(BookableCentre centre, LocalDate day, int persons) {
        String applicants = persons == 1
                ? "{\"birthDate\":\"1941-05-03\",\"postalCode\":\"46282\"}"
                : "{\"birthDate\":\"1941-05-03\",\"postalCode\":\"46282\"},"
                        + "{\"birthDate\":\"1939-11-20\",\"postalCode\":\"46282\"}";
        String body = "{\"centreId\":\"%s\",\"date\":\"%s\",\"persons\":[%s]}".formatted(centre.id, day, applicants);
        HttpResponse<String> response =
                BookableCentre.exchange(HttpRequest.newBuilder(URI.create(base + "/api/v1/holds"))
                        .header("Content-Type", "application/json")
                        .header("X-Verification-Token", token)
                        .header("X-Admission-Pass", pass)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private String rebook(String code, String holdId, int expected) {
        String body = "{\"birthDate\":\"1941-05-03\",\"holdId\":\"" + holdId + "\"}";
        return post("/api/v1/bookings/" + code + "/rebook", body, token, expected);
    }

    private String status(String code) {
        HttpResponse<String> response = BookableCentre.exchange(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/bookings/" + code + "?birthDate=1939-11-20"))
                        .GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("status").asString();
    }

    private String verifiedToken() {
        String phone = "+49170" + (1_000_000 + (long) (Math.random() * 8_999_999));
        String id = JSON.readTree(
                        post("/api/v1/verifications", "{\"channel\":\"SMS\",\"address\":\"" + phone + "\"}", null, 201))
                .get("id")
                .asString();
        String code = BookableCentre.codeSentTo(base, phone);
        return JSON.readTree(post("/api/v1/verifications/" + id + "/confirm", "{\"code\":\"" + code + "\"}", null, 200))
                .get("token")
                .asString();
    }

    private String post(String path, String json, String verificationToken, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (verificationToken != null) {
            request.header("X-Verification-Token", verificationToken);
        }
        HttpResponse<String> response = BookableCentre.exchange(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }
}
