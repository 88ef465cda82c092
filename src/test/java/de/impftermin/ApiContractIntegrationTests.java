package de.impftermin;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.BerlinTime;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The core contract of shared/API.md, field by field and status by status, as an outside client sees it. */
@IntegrationTest
class ApiContractIntegrationTests extends ApiTestSupport {

    @Test
    void administrationAnswersAsSpecified() {
        String id = TestCentre.freshId();
        ApiResponse centre = admin.post(
                "/api/v1/admin/centres",
                obj(
                        "id",
                        id,
                        "name",
                        "Impfzentrum Dorsten",
                        "county",
                        "Recklinghausen",
                        "postalCode",
                        "46282",
                        "address",
                        "Treffpunkt Altstadt",
                        "phoneOnly",
                        false));
        assertThat(centre.status()).isEqualTo(201);
        assertThat(fields(centre.json())).contains("id", "name", "county", "postalCode", "address", "phoneOnly");
        assertThat(centre.json().path("id").asString()).isEqualTo(id);

        LocalDate day = TestCentre.day(50);
        ApiResponse openingDay = admin.post(
                "/api/v1/admin/centres/" + id + "/opening-days",
                obj("date", day.toString(), "opens", "08:00", "closes", "20:00", "lanes", 6, "slotMinutes", 5));
        assertThat(openingDay.status()).isEqualTo(201);
        assertThat(openingDay.json().path("date").asString()).isEqualTo(day.toString());
        assertThat(openingDay.json().path("seats").asInt()).isEqualTo(6 * 12 * 60 / 5);
        admin.post(
                "/api/v1/admin/centres/" + id + "/opening-days",
                obj(
                        "date",
                        day.plusDays(21).toString(),
                        "opens",
                        "08:00",
                        "closes",
                        "20:00",
                        "lanes",
                        6,
                        "slotMinutes",
                        5));

        ApiResponse delivery = admin.post(
                "/api/v1/admin/centres/" + id + "/deliveries",
                obj(
                        "vaccine",
                        "comirnaty",
                        "doses",
                        12000,
                        "arrives",
                        day.minusDays(1).toString()));
        assertThat(delivery.status()).isEqualTo(201);

        ApiResponse release = admin.post(
                "/api/v1/admin/releases",
                obj(
                        "centreId",
                        id,
                        "vaccine",
                        "comirnaty",
                        "firstDoseFrom",
                        day.toString(),
                        "firstDoseTo",
                        day.toString(),
                        "series",
                        100,
                        "opensAt",
                        "2021-11-24T08:00:00+01:00",
                        "channel",
                        "ONLINE",
                        "eligibility",
                        obj(
                                "bornOnOrAfter",
                                null,
                                "bornOnOrBefore",
                                "1961-12-31",
                                "postalCodePrefixes",
                                java.util.List.of("45", "46"))));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        assertThat(fields(release.json())).contains("id", "series", "status");
        assertThat(release.json().path("series").asInt()).isEqualTo(100);
        assertThat(release.json().path("status").asString()).isEqualTo("OPEN");
        ApiResponse scheduled = admin.post(
                "/api/v1/admin/releases",
                obj(
                        "centreId",
                        id,
                        "vaccine",
                        "comirnaty",
                        "firstDoseFrom",
                        day.toString(),
                        "firstDoseTo",
                        day.toString(),
                        "series",
                        10,
                        "opensAt",
                        OffsetDateTime.now(BerlinTime.ZONE).plusDays(2).toString(),
                        "channel",
                        "ONLINE"));
        assertThat(scheduled.json().path("status").asString()).isEqualTo("SCHEDULED");
        ApiResponse exists = admin.post(
                "/api/v1/admin/centres",
                obj("id", id, "name", "x", "county", "x", "postalCode", "46282", "address", "x", "phoneOnly", false));
        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.problemCode()).isEqualTo("CENTRE_EXISTS");
    }

    @Test
    void theCentreListShowsEveryCentreWithItsStatus() {
        LocalDate day = TestCentre.day(51);
        TestCentre bookable = TestCentre.bookable(admin, day, 1);
        TestCentre nothing = TestCentre.create(admin);
        TestCentre phoneOnly = TestCentre.create(admin, true);
        TestCentre coming = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 10)
                .open(day.plusDays(21), "09:00", "10:00", 1, 10)
                .deliver("comirnaty", 100, day);
        Map<String, Object> later = coming.releaseBody("comirnaty", day, day, 2);
        later.put(
                "opensAt",
                OffsetDateTime.now(BerlinTime.ZONE).plusDays(1).withNano(0).toString());
        assertThat(coming.tryRelease(later).status()).isEqualTo(201);

        JsonNode listed =
                awaitCentre(bookable.id(), c -> c.path("status").asString().equals("BOOKABLE"));
        assertThat(fields(listed))
                .contains("id", "name", "county", "postalCode", "status", "freeSeries", "nextReleaseAt");
        assertThat(listed.path("freeSeries").asInt()).isEqualTo(1);
        assertThat(awaitCentre(nothing.id(), c -> true).path("status").asString())
                .isEqualTo("NO_APPOINTMENTS");
        assertThat(awaitCentre(phoneOnly.id(), c -> true).path("status").asString())
                .isEqualTo("PHONE_ONLY");
        JsonNode announced =
                awaitCentre(coming.id(), c -> c.path("status").asString().equals("NOT_YET_RELEASED"));
        assertThat(OffsetDateTime.parse(announced.path("nextReleaseAt").asString())
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse((String) later.get("opensAt")).toInstant());

        citizens.book(citizens.citizen(), bookable.id(), day, null, Person.unique());
        assertThat(awaitCentre(bookable.id(), c -> c.path("status").asString().equals("FULLY_BOOKED"))
                        .path("freeSeries")
                        .asInt())
                .isZero();
    }

    @Test
    void theAvailabilityFeedIsCachedWithAnEtagAndAlsoStreamed() throws Exception {
        LocalDate day = TestCentre.day(52);
        TestCentre centre = TestCentre.bookable(admin, day, 3);
        JsonNode feed = awaitFeed(centre.id());
        assertThat(fields(feed)).contains("generatedAt", "centres");
        JsonNode days = entry(feed, centre.id()).path("days");
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.path("date").asString()).isEqualTo(day.toString());
            assertThat(d.path("vaccine").asString()).isEqualTo("comirnaty");
            assertThat(d.path("freeSeries").asInt()).isEqualTo(3);
        });
        ApiResponse response = api.get("/api/v1/availability");
        String etag = response.header("ETag").orElseThrow();
        assertThat(response.header("Cache-Control")).isPresent();
        assertThat(api.get("/api/v1/availability", "If-None-Match", etag).status())
                .isIn(200, 304);

        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/availability/stream"))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> stream =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String data = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    data = line.substring(5);
                    break;
                }
            }
            assertThat(data).contains("\"centres\"").contains("\"generatedAt\"");
        }
    }

    @Test
    void theCitizenPathAnswersAsSpecified() {
        String phone = Citizens.freshPhone();
        ApiResponse verification = api.post("/api/v1/verifications", obj("channel", "SMS", "address", phone));
        assertThat(verification.status()).isEqualTo(201);
        assertThat(fields(verification.json())).contains("id", "expiresAt");
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        ApiResponse inbox =
                api.get("/api/v1/dev/outbox?to=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(fields(inbox.json().get(0))).contains("channel", "to", "subject", "body", "sentAt");
        ApiResponse token = api.post(
                "/api/v1/verifications/" + verification.json().path("id").asString() + "/confirm", obj("code", code));
        assertThat(token.status()).isEqualTo(200);
        assertThat(fields(token.json())).contains("token");

        ApiResponse ticket = api.post("/api/v1/waiting-room/tickets", null);
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(fields(ticket.json())).contains("ticket", "state", "position", "etaSeconds", "pass");
        ApiResponse polled = api.get(
                "/api/v1/waiting-room/tickets/" + ticket.json().path("ticket").asString());
        assertThat(polled.status()).isEqualTo(200);
        assertThat(polled.json().path("state").asString()).isIn("WAITING", "ADMITTED", "SOLD_OUT");
        Citizen citizen = new Citizen(phone, token.json().path("token").asString(), citizens.admissionPass());

        LocalDate day = TestCentre.day(53);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Person person = Person.unique();
        ApiResponse hold = api.post(
                "/api/v1/holds",
                obj(
                        "centreId",
                        centre.id(),
                        "date",
                        day.toString(),
                        "time",
                        "09:30",
                        "vaccine",
                        "comirnaty",
                        "persons",
                        java.util.List.of(Requests.applicant(person))),
                citizen.holdHeaders());
        assertThat(hold.status()).isEqualTo(201);
        assertThat(fields(hold.json())).contains("id", "expiresAt", "series");
        JsonNode series = hold.json().path("series").get(0);
        assertThat(fields(series)).contains("vaccine", "appointments");
        assertThat(fields(series.path("appointments").get(0))).contains("dose", "centreId", "startsAt");
        assertThat(Duration.between(
                        Instant.now(),
                        OffsetDateTime.parse(hold.json().path("expiresAt").asString())
                                .toInstant()))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));

        ApiResponse booking = api.post(
                "/api/v1/bookings",
                obj(
                        "holdId",
                        hold.json().path("id").asString(),
                        "persons",
                        java.util.List.of(Requests.details(person)),
                        "contact",
                        obj("phone", phone, "email", null)),
                citizen.bookingHeaders("contract-1"));
        assertThat(booking.status()).isEqualTo(201);
        assertThat(fields(booking.json())).contains("code", "status", "persons", "appointments");
        assertThat(booking.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(fields(booking.json().path("appointments").get(0)))
                .contains("person", "dose", "centreId", "startsAt");
        assertThat(booking.json().path("appointments").get(1).path("person").asInt())
                .isZero();
        assertThat(booking.json().path("appointments").get(1).path("dose").asInt())
                .isEqualTo(2);
        String bookingCode = booking.json().path("code").asString();

        ApiResponse found = api.get("/api/v1/bookings/" + bookingCode + "?birthDate=" + person.birthDate());
        assertThat(found.status()).isEqualTo(200);
        ApiResponse cancelled = api.post(
                "/api/v1/bookings/" + bookingCode + "/cancel",
                obj("birthDate", person.birthDate().toString()));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("code").asString()).isEqualTo(bookingCode);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void refusalsOfTheBookingPathCarryTheirCodes() {
        LocalDate day = TestCentre.day(54);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 10)
                .open(day.plusDays(21), "09:00", "10:00", 1, 10)
                .deliver("comirnaty", 100, day);
        Map<String, Object> release = centre.releaseBody("comirnaty", day, day, 6);
        release.put("eligibility", TestCentre.eligibility(null, LocalDate.of(1941, 12, 31), java.util.List.of("46")));
        assertThat(centre.tryRelease(release).status()).isEqualTo(201);
        Citizen citizen = citizens.citizen();

        ApiResponse tooYoung = citizens.hold(citizen, centre.id(), day, null, Person.of("A", "B", "1970-01-01"));
        assertThat(tooYoung.status()).isEqualTo(403);
        assertThat(tooYoung.problemCode()).isEqualTo("NOT_ELIGIBLE");
        ApiResponse noToken = api.post(
                "/api/v1/holds",
                Requests.hold(centre.id(), day, null, Person.of("A", "B", "1940-01-01")),
                "X-Admission-Pass",
                citizen.pass());
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.problemCode()).isEqualTo("VERIFICATION_REQUIRED");
        ApiResponse noPass = api.post(
                "/api/v1/holds",
                Requests.hold(centre.id(), day, null, Person.of("A", "B", "1940-01-01")),
                citizen.bookingHeaders());
        assertThat(noPass.status()).isEqualTo(401);
        assertThat(noPass.problemCode()).isEqualTo("ADMISSION_REQUIRED");
        ApiResponse otherDay =
                citizens.hold(citizen, centre.id(), day.plusDays(1), null, Person.of("A", "B", "1940-01-01"));
        assertThat(otherDay.status()).isEqualTo(409);
        assertThat(otherDay.problemCode()).isEqualTo("NO_APPOINTMENTS");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheCoreContract() {
        ApiResponse docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Set<String> paths = fields(docs.json().path("paths"));
        assertThat(paths)
                .contains(
                        "/api/v1/admin/centres",
                        "/api/v1/admin/centres/{id}/opening-days",
                        "/api/v1/admin/centres/{id}/deliveries",
                        "/api/v1/admin/releases",
                        "/api/v1/centres",
                        "/api/v1/availability",
                        "/api/v1/verifications",
                        "/api/v1/verifications/{id}/confirm",
                        "/api/v1/waiting-room/tickets",
                        "/api/v1/waiting-room/tickets/{ticket}",
                        "/api/v1/holds",
                        "/api/v1/bookings",
                        "/api/v1/bookings/{code}",
                        "/api/v1/bookings/{code}/cancel",
                        "/api/v1/hotline/bookings",
                        "/api/v1/admin/staff",
                        "/api/v1/admin/audit");
    }

    private JsonNode awaitCentre(String id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(5);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode centre : api.get("/api/v1/centres").json()) {
                if (centre.path("id").asString().equals(id)) {
                    last = centre;
                    if (condition.test(centre)) {
                        return centre;
                    }
                }
            }
            sleep();
        }
        throw new AssertionError("centre " + id + " never met the condition; last seen " + last);
    }

    private JsonNode awaitFeed(String centreId) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            JsonNode feed = api.get("/api/v1/availability").json();
            if (entry(feed, centreId) != null) {
                return feed;
            }
            sleep();
        }
        throw new AssertionError("centre " + centreId + " never appeared in the feed");
    }

    private static JsonNode entry(JsonNode feed, String centreId) {
        for (JsonNode centre : feed.path("centres")) {
            if (centre.path("id").asString().equals(centreId)) {
                return centre;
            }
        }
        return null;
    }

    private static Set<String> fields(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
