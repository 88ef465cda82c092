package de.impftermin.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh centre with its own id, set up through the staff API as an operator would: opening days for three 1st-dose
 * days (from a week ahead) and three 2nd-dose days three weeks later, a delivery, and an open ONLINE release of
 * Comirnaty for everyone. Also the citizen's side of the API that browser tests need (codes from the local inbox).
 */
public final class BookableCentre {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    public final String baseUrl;
    public final String id;
    public final String name;
    public final String county;
    public final LocalDate firstDay;

    private BookableCentre(String baseUrl, String id, String name, String county, LocalDate firstDay) {
        this.baseUrl = baseUrl;
        this.id = id;
        this.name = name;
        this.county = county;
        this.firstDay = firstDay;
    }

    /** A centre with no release at all (status "no appointments"). */
    public static BookableCentre withoutRelease(String baseUrl, String county) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Impfzentrum Test " + id.substring(2);
        post(baseUrl, "/api/v1/admin/centres", """
                {"id":"%s","name":"%s","county":"%s","postalCode":"46282","address":"Teststraße 1","phoneOnly":false}
                """.formatted(id, name, county), 201);
        return new BookableCentre(baseUrl, id, name, county, LocalDate.now().plusDays(7));
    }

    /** A centre with an open release of {@code series} Comirnaty series on three days from a week ahead. */
    public static BookableCentre withOpenRelease(String baseUrl, String county, int series) {
        BookableCentre centre = withoutRelease(baseUrl, county);
        LocalDate first = centre.firstDay;
        for (int d = 0; d < 3; d++) {
            openingDay(centre, first.plusDays(d));
            openingDay(centre, first.plusDays(21 + d));
        }
        post(baseUrl, "/api/v1/admin/centres/" + centre.id + "/deliveries", """
                {"vaccine":"comirnaty","doses":10000,"arrives":"%s"}
                """.formatted(first.minusDays(1)), 201);
        centre.release(series, Instant.now().minusSeconds(60));
        return centre;
    }

    public void release(int series, Instant opensAt) {
        post(
                baseUrl,
                "/api/v1/admin/releases",
                """
                {"centreId":"%s","vaccine":"comirnaty","firstDoseFrom":"%s","firstDoseTo":"%s","series":%d,
                 "opensAt":"%s","channel":"ONLINE"}
                """.formatted(id, firstDay, firstDay.plusDays(2), series, opensAt),
                201);
    }

    private static void openingDay(BookableCentre centre, LocalDate date) {
        post(centre.baseUrl, "/api/v1/admin/centres/" + centre.id + "/opening-days", """
                {"date":"%s","opens":"08:00","closes":"10:00","lanes":2,"slotMinutes":15}
                """.formatted(date), 201);
    }

    /** The newest 6-digit code sent to the address, waiting for the dispatcher to send it. */
    public static String codeSentTo(String baseUrl, String address) {
        String url = baseUrl + "/api/v1/dev/outbox?to=" + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String body = send(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
            Matcher m = CODE.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
            sleep();
        }
        throw new AssertionError("No code reached " + address + " within 10 s");
    }

    /** The sent messages to the address as JSON (newest first). */
    public static String inbox(String baseUrl, String address) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/dev/outbox?to="
                                + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8)))
                        .GET(),
                200);
    }

    public static String post(String baseUrl, String path, String json, int expected) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                expected);
    }

    public static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw new AssertionError(
                    "Expected " + expected + " but got " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
