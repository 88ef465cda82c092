package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A citizen's booking over the HTTP API, as an outside client makes it: a fresh centre with opening days, a delivery
 * and an open release; then verification (the code read from the local inbox), waiting room, hold and confirmation.
 */
public final class BookingFlow {

    public record Person(String firstName, String lastName, LocalDate birthDate) {

        /** A person with a birth date of the 1930s to 1950s that no other test is likely to book for. */
        public static Person born(String firstName, String lastName) {
            return new Person(
                    firstName,
                    lastName,
                    LocalDate.of(1930, 1, 1)
                            .plusDays(ThreadLocalRandom.current().nextInt(10_000)));
        }
    }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final RestClient http;
    private final RestClient admin;

    public BookingFlow(int port) {
        String base = "http://localhost:" + port + "/api/v1";
        this.http = RestClient.builder().baseUrl(base).build();
        this.admin = RestClient.builder()
                .baseUrl(base)
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin"))
                .build();
    }

    /** A new centre with comirnaty series whose 1st doses are on {@code firstDay} (and 2nd doses 21 days later). */
    public String centreWithRelease(LocalDate firstDay) {
        String centre = "t-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        post(
                admin,
                "/admin/centres",
                Map.of(
                        "id",
                        centre,
                        "name",
                        "Impfzentrum " + centre,
                        "county",
                        "Recklinghausen",
                        "postalCode",
                        "46282",
                        "address",
                        "Treffpunkt Altstadt",
                        "phoneOnly",
                        false));
        for (LocalDate day : List.of(firstDay, firstDay.plusDays(21))) {
            post(
                    admin,
                    "/admin/centres/" + centre + "/opening-days",
                    Map.of("date", day.toString(), "opens", "08:00", "closes", "10:00", "lanes", 2, "slotMinutes", 30));
        }
        post(
                admin,
                "/admin/centres/" + centre + "/deliveries",
                Map.of(
                        "vaccine",
                        "comirnaty",
                        "doses",
                        100,
                        "arrives",
                        LocalDate.now().toString()));
        post(
                admin,
                "/admin/releases",
                Map.of(
                        "centreId",
                        centre,
                        "vaccine",
                        "comirnaty",
                        "firstDoseFrom",
                        firstDay.toString(),
                        "firstDoseTo",
                        firstDay.toString(),
                        "series",
                        8,
                        "opensAt",
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(),
                        "channel",
                        "ONLINE"));
        return centre;
    }

    /** Books the persons at 08:00 on {@code day}, verified by e-mail; returns the booking as the API answers it. */
    public JsonNode book(
            String centre, LocalDate day, String language, String email, @Nullable String phone, List<Person> persons) {
        String token = verify(email, language);
        String pass = post(http, "/waiting-room/tickets", Map.of()).get("pass").asString();
        JsonNode hold = http.post()
                .uri("/holds")
                .header("X-Verification-Token", token)
                .header("X-Admission-Pass", pass)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "centreId",
                        centre,
                        "date",
                        day.toString(),
                        "time",
                        "08:00",
                        "vaccine",
                        "comirnaty",
                        "persons",
                        persons.stream()
                                .map(p -> Map.of("birthDate", p.birthDate().toString(), "postalCode", "46282"))
                                .toList()))
                .retrieve()
                .body(JsonNode.class);
        Map<String, Object> contact = phone == null ? Map.of("email", email) : Map.of("email", email, "phone", phone);
        return http.post()
                .uri("/bookings")
                .header("X-Verification-Token", token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "holdId",
                        hold.get("id").asString(),
                        "persons",
                        persons.stream()
                                .map(p -> Map.of(
                                        "firstName", p.firstName(),
                                        "lastName", p.lastName(),
                                        "birthDate", p.birthDate().toString(),
                                        "postalCode", "46282"))
                                .toList(),
                        "contact",
                        contact,
                        "language",
                        language))
                .retrieve()
                .body(JsonNode.class);
    }

    public JsonNode cancel(String code, LocalDate birthDate) {
        return post(http, "/bookings/" + code + "/cancel", Map.of("birthDate", birthDate.toString()));
    }

    /** The messages sent to the address so far, newest first, as the local inbox shows them. */
    public JsonNode inbox(String address) {
        return http.get()
                .uri(b -> b.path("/dev/outbox").queryParam("to", address).build())
                .retrieve()
                .body(JsonNode.class);
    }

    /** Waits until the local inbox shows at least {@code count} messages to the address. */
    public JsonNode awaitInbox(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode messages = inbox(address);
        while (messages.size() < count && Instant.now().isBefore(deadline)) {
            pause();
            messages = inbox(address);
        }
        assertThat(messages.size()).as("messages to %s", address).isGreaterThanOrEqualTo(count);
        return messages;
    }

    private String verify(String email, String language) {
        JsonNode started =
                post(http, "/verifications", Map.of("channel", "EMAIL", "address", email, "language", language));
        Matcher code = CODE.matcher(awaitInbox(email, 1).get(0).get("body").asString());
        assertThat(code.find()).isTrue();
        return post(http, "/verifications/" + started.get("id").asString() + "/confirm", Map.of("code", code.group(1)))
                .get("token")
                .asString();
    }

    private static JsonNode post(RestClient client, String path, Object body) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class);
    }

    static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
