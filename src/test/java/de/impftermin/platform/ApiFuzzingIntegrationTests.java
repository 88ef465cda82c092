package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.FuzzRequests;
import de.impftermin.support.FuzzRequests.Operation;
import de.impftermin.support.FuzzRequests.Probe;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Json;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzing the JSON API from its own OpenAPI description ({@link FuzzRequests}): every operation, every parameter and
 * body field mutated one at a time. Whatever arrives:
 *
 * <ul>
 *   <li>no answer is a 5xx;
 *   <li>no answer shows a stack trace, an exception, SQL or the database's own words, nor the result of an evaluated
 *       template expression ({@code 1337*1337});
 *   <li>refused requests (4xx) change nothing: the row counts of the main tables are the same before and after them.
 *       An operation whose plausible request succeeds (creating a centre, say) has its refused requests sent once more
 *       on their own and counted around that.
 * </ul>
 *
 * <p>It runs as an administrator (the staff endpoints then reach their validation instead of stopping at 401) whose
 * password is hashed with bcrypt's lowest cost, so that 2,000 requests do not spend a minute in bcrypt, and as a
 * citizen with a real verification token and admission pass. It connects as the trusted proxy with a client address
 * of its own, so that its wrong booking codes count against nobody else. The SSE stream is left out: it never ends.
 */
@IntegrationTest
class ApiFuzzingIntegrationTests extends ApiTestSupport {

    private static final String FUZZ_ADMIN = "fuzz-admin";
    private static final String FUZZ_PASSWORD = "fuzz-admin-password-1";

    /** What must never appear in an answer: Java, Spring, PostgreSQL and SQL in their own words. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z]+\\.[a-z]+\\.|Exception|java\\.|jakarta\\.|org\\.springframework|org\\.postgresql|org\\.apache"
                    + "|SQLState|SQL state|ERROR: |jdbc:|bad SQL grammar|syntax error at|\\bselect .* from\\b"
                    + "|" + FuzzRequests.EVALUATED,
            Pattern.CASE_INSENSITIVE);

    /** The tables a refused request could change; jobs of their own write only hold and outbox rows. */
    private static final List<String> TABLES = List.of(
            "staff_account",
            "centre",
            "opening_day",
            "delivery",
            "release",
            "invitation",
            "verification",
            "booking",
            "booking_person",
            "booking_appointment",
            "call_back",
            "waitlist_registration",
            "waitlist_offer",
            "appointment_visit",
            "day_cancellation",
            "audit_event");

    private final List<String> findings = new ArrayList<>();
    private HttpClient client;
    private String authorization;

    @Test
    void noGeneratedRequestGetsA5xxOrALeakAndNoRefusedOneChangesTheDatabase() throws IOException {
        long start = System.nanoTime();
        prepare();
        Map<String, String> known = knownValues();
        JsonNode waitingRoom = admin.get("/api/v1/admin/waiting-room").json();
        try {
            fuzz(known, start);
        } finally {
            // the shared waiting room, which a valid PUT among the generated requests reconfigures for every test
            admin.send(
                    "PUT",
                    "/api/v1/admin/waiting-room",
                    Json.obj(
                            "ratePerSecond",
                            waitingRoom.path("ratePerSecond").asDouble(),
                            "adaptive",
                            waitingRoom.path("adaptive").asBoolean()));
        }
        assertThat(citizens.citizen().pass())
                .as("the waiting room admits again")
                .isNotBlank();
    }

    private void fuzz(Map<String, String> known, long start) throws IOException {
        FuzzRequests fuzz = new FuzzRequests(api.get("/v3/api-docs").json(), known);
        List<Operation> operations = fuzz.operations().stream()
                .filter(o -> !o.path().endsWith("/stream"))
                .toList();
        int sent = 0;
        int refused = 0;
        for (Operation operation : operations) {
            List<Probe> probes = fuzz.probes(operation);
            Map<String, Long> before = rowCounts();
            List<Probe> refusedProbes = new ArrayList<>();
            boolean anyAccepted = false;
            for (Probe probe : probes) {
                ApiResponse answer = send(probe);
                sent++;
                check(probe, answer);
                if (answer.status() >= 400) {
                    refusedProbes.add(probe);
                } else {
                    anyAccepted = true;
                }
            }
            refused += refusedProbes.size();
            Map<String, Long> after = rowCounts();
            if (anyAccepted) {
                before = rowCounts();
                for (Probe probe : refusedProbes) {
                    send(probe);
                }
                after = rowCounts();
            }
            if (!before.equals(after)) {
                findings.add(operation.name() + ": refused requests changed row counts " + difference(before, after));
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        String report = "%d operations, %d requests (%d refused), %d s, %d findings%n%s"
                .formatted(operations.size(), sent, refused, seconds, findings.size(), String.join("\n", findings));
        Files.writeString(Path.of("target", "fuzz-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(operations).hasSizeGreaterThan(40);
        assertThat(sent).isGreaterThan(1500);
        assertThat(findings).isEmpty();
    }

    private void check(Probe probe, ApiResponse answer) {
        if (answer.status() >= 500) {
            findings.add(probe.label() + " → " + shorten(answer.toString()));
        }
        String body = answer.body();
        if (!probe.injected().isEmpty()) {
            body = body.replace(probe.injected(), "");
        }
        var leak = LEAK.matcher(body);
        if (leak.find()) {
            findings.add(probe.label() + " → leaks '" + leak.group() + "': " + shorten(answer.toString()));
        }
    }

    private void prepare() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(FUZZ_PASSWORD);
        jdbc.sql("""
                        insert into staff_account (username, password_hash, role) values (?, ?, 'ADMIN')
                        on conflict (username) do update set password_hash = excluded.password_hash
                        """).params(FUZZ_ADMIN, hash).update();
        authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((FUZZ_ADMIN + ":" + FUZZ_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .localAddress(InetAddress.getByName(Api.TRUSTED_PROXY))
                    .build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Real ids and proofs, so that mutations reach the code behind authentication and look-ups. */
    private Map<String, String> knownValues() {
        LocalDate day = TestCentre.day(8);
        TestCentre centre = TestCentre.bookable(admin, day, 4);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), day, "09:00", person);
        Map<String, String> known = new LinkedHashMap<>();
        known.put("X-Verification-Token", citizen.token());
        known.put("X-Admission-Pass", citizen.pass());
        known.put("centreId", centre.id());
        known.put("id", centre.id());
        known.put("code", booked.json().path("code").asString());
        known.put("birthDate", person.birthDate().toString());
        known.put("date", day.toString());
        known.put("username", FUZZ_ADMIN + "-other");
        // in the past, so that no generated request opens a pre-queue of the shared waiting room (only its rate,
        // which the test sets back)
        known.put("prequeueOpensAt", "2021-01-10T09:30:00+01:00");
        return known;
    }

    private ApiResponse send(Probe probe) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(api.baseUrl().replace("localhost", "127.0.0.1") + probe.path()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json")
                    .header("X-Forwarded-For", "192.0.2.99")
                    .header("Authorization", authorization);
            probe.headers().forEach(request::setHeader);
            if (probe.body() == null) {
                request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", probe.contentType());
                request.method(probe.method(), HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            }
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IllegalArgumentException e) {
            // a header value java.net.http itself refuses to send: nothing reached the server
            return new ApiResponse(400, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), "");
        } catch (IOException e) {
            findings.add(probe.label() + " → no answer: " + e);
            return new ApiResponse(599, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> rowCounts() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < TABLES.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(select count(*) from ")
                    .append(TABLES.get(i))
                    .append(") as ")
                    .append(TABLES.get(i));
        }
        return jdbc.sql(sql.toString())
                .query((rs, n) -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (String table : TABLES) {
                        counts.put(table, rs.getLong(table));
                    }
                    return counts;
                })
                .single();
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder changed = new StringBuilder();
        before.forEach((table, count) -> {
            if (!count.equals(after.get(table))) {
                changed.append(table)
                        .append(' ')
                        .append(count)
                        .append("→")
                        .append(after.get(table))
                        .append(' ');
            }
        });
        return changed.toString().strip();
    }

    private static String shorten(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
