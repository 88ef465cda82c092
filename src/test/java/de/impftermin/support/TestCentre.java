package de.impftermin.support;

import static de.impftermin.support.Json.obj;

import de.impftermin.shared.BerlinTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A fresh centre of its own (id {@code t-…}), set up through the admin API as an operator would: opening days,
 * deliveries, releases. Every test gets new ids, so tests sharing the one database never see each other's data.
 *
 * <pre>{@code
 * TestCentre centre = TestCentre.create(api.asAdmin());
 * centre.open(day, "09:00", "10:00", 2, 5).open(day.plusDays(21), "09:00", "10:00", 2, 5)
 *       .deliver("comirnaty", 1000, day.minusDays(1))
 *       .release("comirnaty", day, day, 24);
 * }</pre>
 */
public final class TestCentre {

    public static final String POSTAL_CODE = "46282";

    private final Api admin;
    private final String id;

    private TestCentre(Api admin, String id) {
        this.admin = admin;
        this.id = id;
    }

    /** A new ordinary (online) centre. {@code admin} must carry ADMIN credentials. */
    public static TestCentre create(Api admin) {
        return create(admin, false);
    }

    public static TestCentre create(Api admin, boolean phoneOnly) {
        String id = freshId();
        ApiResponse created = admin.post(
                "/api/v1/admin/centres",
                obj(
                        "id",
                        id,
                        "name",
                        "Testzentrum " + id,
                        "county",
                        "Testkreis",
                        "postalCode",
                        POSTAL_CODE,
                        "address",
                        "Teststraße 1",
                        "phoneOnly",
                        phoneOnly));
        expect(created, 201, "create centre " + id);
        return new TestCentre(admin, id);
    }

    /**
     * A centre where {@code series} comirnaty series are open for online booking now: 1st doses on {@code day}
     * from 09:00 in 5-minute slots, 2nd doses 21 days later at the same times, enough doses delivered.
     */
    public static TestCentre bookable(Api admin, LocalDate day, int series) {
        int lanes = Math.max(1, (series + 11) / 12);
        TestCentre centre = create(admin)
                .open(day, "09:00", "10:00", lanes, 5)
                .open(day.plusDays(21), "09:00", "10:00", lanes, 5)
                .deliver("comirnaty", series * 2, day.minusDays(1));
        JsonNode release = centre.release("comirnaty", day, day, series);
        if (release.path("series").asInt() != series) {
            throw new AssertionError("expected " + series + " series, got " + release);
        }
        return centre;
    }

    /** A centre created elsewhere (with its own county or postal code), to open, supply and release. */
    public static TestCentre existing(Api admin, String id) {
        return new TestCentre(admin, id);
    }

    /** A centre id nobody else uses. */
    public static String freshId() {
        return "t-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /** A day far enough ahead that nothing counts it as past, plus {@code offset} days. */
    public static LocalDate day(int offset) {
        return LocalDate.now(BerlinTime.ZONE).plusDays(30 + offset);
    }

    public String id() {
        return id;
    }

    public TestCentre open(LocalDate date, String opens, String closes, int lanes, int slotMinutes) {
        expect(tryOpen(date, opens, closes, lanes, slotMinutes), 201, "open " + id + " on " + date);
        return this;
    }

    public ApiResponse tryOpen(LocalDate date, String opens, String closes, int lanes, int slotMinutes) {
        return admin.post(
                "/api/v1/admin/centres/" + id + "/opening-days",
                obj(
                        "date",
                        date.toString(),
                        "opens",
                        opens,
                        "closes",
                        closes,
                        "lanes",
                        lanes,
                        "slotMinutes",
                        slotMinutes));
    }

    public TestCentre deliver(String vaccine, int doses, LocalDate arrives) {
        ApiResponse delivered = admin.post(
                "/api/v1/admin/centres/" + id + "/deliveries",
                obj("vaccine", vaccine, "doses", doses, "arrives", arrives.toString()));
        expect(delivered, 201, "deliver " + doses + " " + vaccine + " to " + id);
        return this;
    }

    /** An ONLINE release for everyone, open since a minute ago; asserts 201 and returns the created release. */
    public JsonNode release(String vaccine, LocalDate from, LocalDate to, int series) {
        ApiResponse created = tryRelease(releaseBody(vaccine, from, to, series));
        expect(created, 201, "release at " + id);
        return created.json();
    }

    /** A release body to adjust ({@code channel}, {@code opensAt}, {@code eligibility}) before {@link #tryRelease}. */
    public Map<String, Object> releaseBody(String vaccine, LocalDate from, LocalDate to, int series) {
        return obj(
                "centreId",
                id,
                "vaccine",
                vaccine,
                "firstDoseFrom",
                from.toString(),
                "firstDoseTo",
                to.toString(),
                "series",
                series,
                "opensAt",
                OffsetDateTime.now(BerlinTime.ZONE).minusMinutes(1).toString(),
                "channel",
                "ONLINE",
                "eligibility",
                null);
    }

    public static Map<String, Object> eligibility(
            @Nullable LocalDate bornOnOrAfter, @Nullable LocalDate bornOnOrBefore, List<String> postalCodePrefixes) {
        return obj(
                "bornOnOrAfter", bornOnOrAfter == null ? null : bornOnOrAfter.toString(),
                "bornOnOrBefore", bornOnOrBefore == null ? null : bornOnOrBefore.toString(),
                "postalCodePrefixes", postalCodePrefixes);
    }

    public ApiResponse tryRelease(Map<String, Object> body) {
        return admin.post("/api/v1/admin/releases", body);
    }

    /** A wanted appointment time as the API takes it. */
    public static String time(LocalTime time) {
        return time.toString();
    }

    public static void expect(ApiResponse response, int status, String what) {
        if (response.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + response);
        }
    }
}
