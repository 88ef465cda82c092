package de.impftermin;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input, for every endpoint family: malformed JSON, wrong types, missing fields, huge strings,
 * impossible dates, negative numbers, unknown ids and vaccines. Each must be answered with a 4xx problem+json that
 * carries a {@code code}, never a 500, and must change nothing (row counts before and after).
 *
 * <p>Placeholders in paths and bodies: {@code {centre}} a real centre with an open release, {@code {day}} its
 * 1st-dose day, {@code {hold}} a live hold of {@code {birth}}, {@code {code}} a confirmed booking of
 * {@code {birth}}, {@code {verification}} a started verification, {@code {huge}} 100 kB of text.
 */
@IntegrationTest
class BadInputIntegrationTests extends ApiTestSupport {

    enum Auth {
        NONE,
        ADMIN,
        CITIZEN,
        CITIZEN_TOKEN_ONLY
    }

    record Case(
            String name,
            String method,
            String path,
            Auth auth,
            @Nullable String body,
            int status,
            String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String HUGE = "x".repeat(100_000);

    private static @Nullable Fixture fixture;

    private record Fixture(
            String centre,
            LocalDate day,
            Citizen citizen,
            String hold,
            String code,
            String birth,
            String verification) {}

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String centre = """
                {"id":"%s","name":"N","county":"C","postalCode":"46282","address":"A","phoneOnly":false}""";
        admin(
                cases,
                "centre: malformed JSON",
                "POST",
                "/api/v1/admin/centres",
                "{\"id\": \"x\",",
                400,
                "MALFORMED_REQUEST");
        admin(cases, "centre: not an object", "POST", "/api/v1/admin/centres", "[1,2]", 400, "MALFORMED_REQUEST");
        admin(cases, "centre: empty body", "POST", "/api/v1/admin/centres", "", 400, "MALFORMED_REQUEST");
        admin(cases, "centre: missing fields", "POST", "/api/v1/admin/centres", "{}", 422, "VALIDATION_FAILED");
        admin(
                cases,
                "centre: wrong types",
                "POST",
                "/api/v1/admin/centres",
                "{\"id\":{\"a\":1},\"name\":[1],\"county\":\"C\",\"postalCode\":\"46282\",\"address\":\"A\",\"phoneOnly\":\"yes\"}",
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "centre: bad id",
                "POST",
                "/api/v1/admin/centres",
                centre.formatted("Dorsten Süd!"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "centre: huge name",
                "POST",
                "/api/v1/admin/centres",
                centre.formatted("t-huge").replace("\"N\"", "\"{huge}\""),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "centre: NUL in name",
                "POST",
                "/api/v1/admin/centres",
                centre.formatted("t-nul").replace("\"N\"", "\"Impf\\u0000zentrum\""),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "centre: bad postal code",
                "POST",
                "/api/v1/admin/centres",
                centre.formatted("t-plz").replace("46282", "4628"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "centre: existing id",
                "POST",
                "/api/v1/admin/centres",
                centre.formatted("{centre}"),
                409,
                "CENTRE_EXISTS");

        String days = "/api/v1/admin/centres/{centre}/opening-days";
        String day = "{\"date\":\"%s\",\"opens\":\"%s\",\"closes\":\"%s\",\"lanes\":%s,\"slotMinutes\":%s}";
        admin(cases, "opening day: malformed JSON", "POST", days, "{\"date\":", 400, "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: impossible date",
                "POST",
                days,
                day.formatted("2022-02-30", "08:00", "12:00", 1, 5),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: impossible time",
                "POST",
                days,
                day.formatted("2030-01-07", "25:00", "26:00", 1, 5),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: negative lanes",
                "POST",
                days,
                day.formatted("2030-01-07", "08:00", "12:00", -1, 5),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "opening day: zero slot length",
                "POST",
                days,
                day.formatted("2030-01-07", "08:00", "12:00", 1, 0),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "opening day: lanes as text",
                "POST",
                days,
                day.formatted("2030-01-07", "08:00", "12:00", "\"six\"", 5),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: fractional lanes",
                "POST",
                days,
                day.formatted("2030-01-07", "08:00", "12:00", "1.5", 5),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: lanes overflow",
                "POST",
                days,
                day.formatted("2030-01-07", "08:00", "12:00", "99999999999999", 5),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: closes before opens",
                "POST",
                days,
                day.formatted("2030-01-07", "12:00", "08:00", 1, 5),
                422,
                "INVALID_OPENING_HOURS");
        admin(
                cases,
                "opening day: slot longer than the day",
                "POST",
                days,
                day.formatted("2030-01-07", "08:00", "08:30", 1, 60),
                422,
                "INVALID_OPENING_HOURS");
        admin(
                cases,
                "opening day: missing fields",
                "POST",
                days,
                "{\"date\":\"2030-01-07\"}",
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "opening day: far-future date",
                "POST",
                days,
                day.formatted("+300000-01-07", "08:00", "12:00", 1, 5),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "opening day: huge date",
                "POST",
                days,
                day.formatted("{huge}", "08:00", "12:00", 1, 5),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "opening day: unknown centre",
                "POST",
                "/api/v1/admin/centres/t-nobody-here/opening-days",
                day.formatted("2030-01-07", "08:00", "12:00", 1, 5),
                404,
                "NOT_FOUND");
        admin(
                cases,
                "opening day: the same day twice",
                "POST",
                days,
                day.formatted("{day}", "08:00", "12:00", 1, 5),
                409,
                "OPENING_DAY_EXISTS");

        String deliveries = "/api/v1/admin/centres/{centre}/deliveries";
        admin(
                cases,
                "delivery: unknown vaccine",
                "POST",
                deliveries,
                "{\"vaccine\":\"sputnik\",\"doses\":10,\"arrives\":\"2030-01-01\"}",
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "delivery: negative doses",
                "POST",
                deliveries,
                "{\"vaccine\":\"comirnaty\",\"doses\":-10,\"arrives\":\"2030-01-01\"}",
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "delivery: zero doses",
                "POST",
                deliveries,
                "{\"vaccine\":\"comirnaty\",\"doses\":0,\"arrives\":\"2030-01-01\"}",
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "delivery: doses as text",
                "POST",
                deliveries,
                "{\"vaccine\":\"comirnaty\",\"doses\":\"many\",\"arrives\":\"2030-01-01\"}",
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "delivery: impossible date",
                "POST",
                deliveries,
                "{\"vaccine\":\"comirnaty\",\"doses\":10,\"arrives\":\"2030-13-01\"}",
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "delivery: far-future date",
                "POST",
                deliveries,
                "{\"vaccine\":\"comirnaty\",\"doses\":10,\"arrives\":\"+999999999-12-31\"}",
                422,
                "VALIDATION_FAILED");
        admin(cases, "delivery: missing fields", "POST", deliveries, "{\"doses\":10}", 422, "VALIDATION_FAILED");
        admin(
                cases,
                "delivery: unknown centre",
                "POST",
                "/api/v1/admin/centres/t-nobody-here/deliveries",
                "{\"vaccine\":\"comirnaty\",\"doses\":10,\"arrives\":\"2030-01-01\"}",
                404,
                "NOT_FOUND");

        String releases = "/api/v1/admin/releases";
        String release = """
                {"centreId":"%s","vaccine":"%s","firstDoseFrom":"%s","firstDoseTo":"%s","series":%s,"opensAt":"%s","channel":"%s"}""";
        String opens = "2021-11-24T08:00:00+01:00";
        admin(cases, "release: malformed JSON", "POST", releases, "{\"centreId\":\"x\"", 400, "MALFORMED_REQUEST");
        admin(
                cases,
                "release: unknown vaccine",
                "POST",
                releases,
                release.formatted("{centre}", "sputnik", "{day}", "{day}", 1, opens, "ONLINE"),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "release: unknown centre",
                "POST",
                releases,
                release.formatted("t-nobody-here", "comirnaty", "{day}", "{day}", 1, opens, "ONLINE"),
                404,
                "NOT_FOUND");
        admin(
                cases,
                "release: negative series",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", -3, opens, "ONLINE"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release: zero series",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", 0, opens, "ONLINE"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release: too many series",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", 2_000_000, opens, "ONLINE"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release: range backwards",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "2030-01-10", "2030-01-01", 1, opens, "ONLINE"),
                422,
                "INVALID_RANGE");
        admin(
                cases,
                "release: impossible date",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "2022-02-30", "2022-03-01", 1, opens, "ONLINE"),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "release: far-future date",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "2030-01-01", "+999999999-12-31", 1, opens, "ONLINE"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release: opensAt without offset",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", 1, "2021-11-24T08:00:00", "ONLINE"),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "release: unknown channel",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", 1, opens, "FAX"),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "release: bad postal prefix",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", 1, opens, "ONLINE")
                        .replace("\"ONLINE\"}", "\"ONLINE\",\"eligibility\":{\"postalCodePrefixes\":[\"4x\"]}}"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release: eligibility of wrong type",
                "POST",
                releases,
                release.formatted("{centre}", "comirnaty", "{day}", "{day}", 1, opens, "ONLINE")
                        .replace("\"ONLINE\"}", "\"ONLINE\",\"eligibility\":\"everyone\"}"),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "release: huge centre id",
                "POST",
                releases,
                release.formatted("{huge}", "comirnaty", "{day}", "{day}", 1, opens, "ONLINE"),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release: missing fields",
                "POST",
                releases,
                "{\"centreId\":\"{centre}\"}",
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "release list: unknown centre",
                "GET",
                releases + "?centreId=t-nobody-here",
                null,
                404,
                "NOT_FOUND");
        admin(cases, "release list: no centre", "GET", releases, null, 400, "BAD_REQUEST");

        String verifications = "/api/v1/verifications";
        anyone(cases, "verification: malformed JSON", "POST", verifications, "{\"channel\":", 400, "MALFORMED_REQUEST");
        anyone(
                cases,
                "verification: unknown channel",
                "POST",
                verifications,
                "{\"channel\":\"PIGEON\",\"address\":\"+491701234567\"}",
                400,
                "MALFORMED_REQUEST");
        anyone(
                cases,
                "verification: missing address",
                "POST",
                verifications,
                "{\"channel\":\"SMS\"}",
                422,
                "VALIDATION_FAILED");
        anyone(
                cases,
                "verification: huge address",
                "POST",
                verifications,
                "{\"channel\":\"EMAIL\",\"address\":\"{huge}@example.org\"}",
                422,
                "VALIDATION_FAILED");
        anyone(
                cases,
                "verification: not a phone number",
                "POST",
                verifications,
                "{\"channel\":\"SMS\",\"address\":\"call me\"}",
                422,
                "INVALID_ADDRESS");
        anyone(
                cases,
                "verification: not an e-mail address",
                "POST",
                verifications,
                "{\"channel\":\"EMAIL\",\"address\":\"gisela@\"}",
                422,
                "INVALID_ADDRESS");
        anyone(
                cases,
                "verification: NUL in e-mail address",
                "POST",
                verifications,
                "{\"channel\":\"EMAIL\",\"address\":\"gi\\u0000sela@example.org\"}",
                422,
                "INVALID_ADDRESS");
        anyone(
                cases,
                "verification: address of wrong type",
                "POST",
                verifications,
                "{\"channel\":\"SMS\",\"address\":[\"+491701234567\"]}",
                400,
                "MALFORMED_REQUEST");
        anyone(
                cases,
                "verification confirm: not an id",
                "POST",
                verifications + "/not-a-uuid/confirm",
                "{\"code\":\"123456\"}",
                400,
                "BAD_REQUEST");
        anyone(
                cases,
                "verification confirm: unknown id",
                "POST",
                verifications + "/6f1c1b7e-9d7f-4c47-8f43-4c6a3e0f7b11/confirm",
                "{\"code\":\"123456\"}",
                404,
                "NOT_FOUND");
        anyone(
                cases,
                "verification confirm: missing code",
                "POST",
                verifications + "/{verification}/confirm",
                "{}",
                422,
                "VALIDATION_FAILED");
        anyone(
                cases,
                "verification confirm: code as number",
                "POST",
                verifications + "/{verification}/confirm",
                "{\"code\":{\"n\":1}}",
                400,
                "MALFORMED_REQUEST");

        anyone(
                cases,
                "waiting room: unknown ticket",
                "GET",
                "/api/v1/waiting-room/tickets/not-a-ticket",
                null,
                404,
                "UNKNOWN_TICKET");
        anyone(
                cases,
                "waiting room: forged ticket",
                "GET",
                "/api/v1/waiting-room/tickets/ticket.YWJj.99999999999.c2ln",
                null,
                404,
                "UNKNOWN_TICKET");
        anyone(
                cases,
                "waiting room: long ticket",
                "GET",
                "/api/v1/waiting-room/tickets/" + "t".repeat(5000),
                null,
                404,
                "UNKNOWN_TICKET");

        String holds = "/api/v1/holds";
        String hold = "{\"centreId\":\"%s\",\"date\":\"%s\",\"time\":%s,\"persons\":[%s]}";
        String person = "{\"birthDate\":\"%s\",\"postalCode\":\"%s\"}";
        String ok = person.formatted("1950-05-03", "46282");
        add(
                cases,
                "hold: no verification",
                "POST",
                holds,
                Auth.NONE,
                hold.formatted("{centre}", "{day}", "null", ok),
                401,
                "VERIFICATION_REQUIRED");
        add(
                cases,
                "hold: no admission pass",
                "POST",
                holds,
                Auth.CITIZEN_TOKEN_ONLY,
                hold.formatted("{centre}", "{day}", "null", ok),
                401,
                "ADMISSION_REQUIRED");
        citizen(cases, "hold: malformed JSON", "POST", holds, "{\"centreId\":", 400, "MALFORMED_REQUEST");
        citizen(
                cases,
                "hold: no persons",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "null", ""),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "hold: five persons",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "null", String.join(",", ok, ok, ok, ok, ok)),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "hold: impossible date",
                "POST",
                holds,
                hold.formatted("{centre}", "2022-02-30", "null", ok),
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "hold: impossible time",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "\"9.30\"", ok),
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "hold: unborn person",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "null", person.formatted("2999-01-01", "46282")),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "hold: person born 1850",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "null", person.formatted("1850-01-01", "46282")),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "hold: bad postal code",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "null", person.formatted("1950-05-03", "ABCDE")),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "hold: unknown vaccine",
                "POST",
                holds,
                hold.formatted("{centre}", "{day}", "null", ok).replace("\"time\"", "\"vaccine\":\"sputnik\",\"time\""),
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "hold: huge centre id",
                "POST",
                holds,
                hold.formatted("{huge}", "{day}", "null", ok),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "hold: persons of wrong type",
                "POST",
                holds,
                "{\"centreId\":\"{centre}\",\"date\":\"{day}\",\"persons\":\"two\"}",
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "hold: unknown centre",
                "POST",
                holds,
                hold.formatted("t-nobody-here", "{day}", "null", ok),
                404,
                "NOT_FOUND");
        citizen(
                cases,
                "hold: far-future date",
                "POST",
                holds,
                hold.formatted("{centre}", "+999999999-12-31", "null", ok),
                422,
                "VALIDATION_FAILED");

        String bookings = "/api/v1/bookings";
        String booking = "{\"holdId\":\"%s\",\"persons\":[%s]}";
        String named = "{\"firstName\":\"%s\",\"lastName\":\"%s\",\"birthDate\":\"%s\",\"postalCode\":\"46282\"}";
        String gisela = named.formatted("Gisela", "Bad-Input", "{birth}");
        add(
                cases,
                "booking: no verification",
                "POST",
                bookings,
                Auth.NONE,
                booking.formatted("{hold}", gisela),
                401,
                "VERIFICATION_REQUIRED");
        citizen(
                cases,
                "booking: malformed JSON",
                "POST",
                bookings,
                "{\"holdId\":\"{hold}\",",
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "booking: hold id not an id",
                "POST",
                bookings,
                booking.formatted("hold-1", gisela),
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "booking: unknown hold",
                "POST",
                bookings,
                booking.formatted("6f1c1b7e-9d7f-4c47-8f43-4c6a3e0f7b11", gisela),
                404,
                "NOT_FOUND");
        citizen(
                cases,
                "booking: missing names",
                "POST",
                bookings,
                booking.formatted("{hold}", "{\"birthDate\":\"{birth}\",\"postalCode\":\"46282\"}"),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "booking: huge name",
                "POST",
                bookings,
                booking.formatted("{hold}", named.formatted("{huge}", "X", "{birth}")),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "booking: markup in name",
                "POST",
                bookings,
                booking.formatted("{hold}", named.formatted("<script>", "X", "{birth}")),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "booking: other birth date than held",
                "POST",
                bookings,
                booking.formatted("{hold}", named.formatted("Gisela", "X", "1951-01-01")),
                422,
                "PERSONS_MISMATCH");
        citizen(
                cases,
                "booking: more persons than held",
                "POST",
                bookings,
                booking.formatted("{hold}", gisela + "," + gisela),
                422,
                "PERSONS_MISMATCH");
        citizen(
                cases,
                "booking: impossible birth date",
                "POST",
                bookings,
                booking.formatted("{hold}", named.formatted("Gisela", "X", "1941-02-30")),
                400,
                "MALFORMED_REQUEST");
        citizen(
                cases,
                "booking: bad e-mail",
                "POST",
                bookings,
                booking.formatted("{hold}", gisela).replace("]}", "],\"contact\":{\"email\":\"not-an-address\"}}"),
                422,
                "VALIDATION_FAILED");
        citizen(
                cases,
                "booking: bad phone",
                "POST",
                bookings,
                booking.formatted("{hold}", gisela).replace("]}", "],\"contact\":{\"phone\":\"call me\"}}"),
                422,
                "INVALID_ADDRESS");

        anyone(
                cases,
                "find booking: wrong birth date",
                "GET",
                bookings + "/{code}?birthDate=1960-01-01",
                null,
                404,
                "NOT_FOUND");
        anyone(
                cases,
                "find booking: impossible birth date",
                "GET",
                bookings + "/{code}?birthDate=1941-02-30",
                null,
                400,
                "BAD_REQUEST");
        anyone(cases, "find booking: no birth date", "GET", bookings + "/{code}", null, 400, "BAD_REQUEST");
        anyone(
                cases,
                "find booking: unknown code",
                "GET",
                bookings + "/AAAA-BBBB-CCCC?birthDate={birth}",
                null,
                404,
                "NOT_FOUND");
        anyone(
                cases,
                "find booking: long code",
                "GET",
                bookings + "/" + "A".repeat(3000) + "?birthDate={birth}",
                null,
                404,
                "NOT_FOUND");
        anyone(
                cases,
                "cancel: wrong birth date",
                "POST",
                bookings + "/{code}/cancel",
                "{\"birthDate\":\"1960-01-01\"}",
                404,
                "NOT_FOUND");
        anyone(
                cases,
                "cancel: missing birth date",
                "POST",
                bookings + "/{code}/cancel",
                "{}",
                422,
                "VALIDATION_FAILED");
        anyone(
                cases,
                "cancel: malformed JSON",
                "POST",
                bookings + "/{code}/cancel",
                "{\"birthDate\"",
                400,
                "MALFORMED_REQUEST");
        anyone(
                cases,
                "cancel: impossible birth date",
                "POST",
                bookings + "/{code}/cancel",
                "{\"birthDate\":\"1941-02-30\"}",
                400,
                "MALFORMED_REQUEST");
        anyone(
                cases,
                "cancel: unknown code",
                "POST",
                bookings + "/AAAA-BBBB-CCCC/cancel",
                "{\"birthDate\":\"{birth}\"}",
                404,
                "NOT_FOUND");

        String hotline = "/api/v1/hotline/bookings";
        String phone = "{\"centreId\":\"%s\",\"date\":\"%s\",\"persons\":[%s]}";
        admin(cases, "hotline: malformed JSON", "POST", hotline, "{\"centreId\":", 400, "MALFORMED_REQUEST");
        admin(
                cases,
                "hotline: missing names",
                "POST",
                hotline,
                phone.formatted("{centre}", "{day}", ok),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "hotline: impossible date",
                "POST",
                hotline,
                phone.formatted("{centre}", "2022-02-30", named.formatted("A", "B", "1950-01-01")),
                400,
                "MALFORMED_REQUEST");
        admin(
                cases,
                "hotline: unknown centre",
                "POST",
                hotline,
                phone.formatted("t-nobody-here", "{day}", named.formatted("A", "B", "1950-01-01")),
                404,
                "NOT_FOUND");
        admin(
                cases,
                "hotline: huge name",
                "POST",
                hotline,
                phone.formatted("{centre}", "{day}", named.formatted("A", "{huge}", "1950-01-01")),
                422,
                "VALIDATION_FAILED");
        admin(
                cases,
                "hotline: wrong types",
                "POST",
                hotline,
                "{\"centreId\":1,\"date\":true,\"persons\":{}}",
                400,
                "MALFORMED_REQUEST");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsA4xxProblemAndChangesNothing(Case c) {
        Fixture f = fixture();
        Map<String, Integer> before = rows(f);

        ApiResponse response = api.send(
                c.method(), fill(c.path(), f), c.body() == null ? null : fill(c.body(), f), headers(c.auth(), f));

        assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(c.status());
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.problemCode()).as(response.toString()).isEqualTo(c.code());
        assertThat(rows(f)).as("rows after " + c).isEqualTo(before);
    }

    private Fixture fixture() {
        if (fixture == null) {
            LocalDate day = TestCentre.day(20);
            TestCentre centre = TestCentre.bookable(admin, day, 12);
            Citizen citizen = citizens.citizen();
            Person held = Person.of("Gisela", "Bad-Input", "1941-05-03");
            ApiResponse hold = citizens.hold(citizen, centre.id(), day, null, held);
            ApiResponse booked = citizens.book(citizen, centre.id(), day, "09:30", Person.unique());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            ApiResponse verification = api.post(
                    "/api/v1/verifications",
                    de.impftermin.support.Json.obj(
                            "channel", "SMS", "address", de.impftermin.support.Citizens.freshPhone()));
            fixture = new Fixture(
                    centre.id(),
                    day,
                    citizen,
                    hold.json().path("id").asString(),
                    booked.json().path("code").asString(),
                    booked.json().path("persons").get(0).path("birthDate").asString(),
                    verification.json().path("id").asString());
            // the hold's person is born 1941-05-03, the booking's 1950-05-03; {birth} must fit both uses
            assertThat(fixture.birth()).isEqualTo("1950-05-03");
        }
        return fixture;
    }

    private Map<String, Integer> rows(Fixture f) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table :
                List.of("centre", "staff_account", "verification", "release", "idempotency_key", "booking", "hold")) {
            rows.put(table, count("select count(*) from " + table));
        }
        rows.put("opening days", count("select count(*) from opening_day where centre_id = ?", f.centre()));
        rows.put("seats", count("select count(*) from seat where centre_id = ?", f.centre()));
        rows.put(
                "paired seats",
                count("select count(*) from seat where centre_id = ? and pair_id is not null", f.centre()));
        rows.put("deliveries", count("select count(*) from delivery where centre_id = ?", f.centre()));
        rows.put("pairs", count("select count(*) from appointment_pair where centre_id = ?", f.centre()));
        rows.put(
                "held pairs",
                count("select count(*) from appointment_pair where centre_id = ? and hold_id is not null", f.centre()));
        rows.put(
                "booked pairs",
                count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is not null",
                        f.centre()));
        rows.put("live persons", count("select count(*) from booking_person where live"));
        rows.put("confirmed", count("select count(*) from booking where status = 'CONFIRMED'"));
        rows.put("wrong codes", count("select coalesce(sum(failed_tries), 0) from verification"));
        return rows;
    }

    private static String fill(String template, Fixture f) {
        return template.replace("{centre}", f.centre())
                .replace("{day}", f.day().toString())
                .replace("{hold}", f.hold())
                .replace("{code}", f.code())
                .replace("{birth}", f.birth())
                .replace("{verification}", f.verification())
                .replace("{huge}", HUGE);
    }

    private String[] headers(Auth auth, Fixture f) {
        return switch (auth) {
            case NONE -> new String[0];
            case ADMIN -> new String[] {"Authorization", basicAdmin()};
            case CITIZEN -> f.citizen().holdHeaders();
            case CITIZEN_TOKEN_ONLY -> f.citizen().bookingHeaders();
        };
    }

    private static String basicAdmin() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin".getBytes());
    }

    private static void admin(
            List<Case> cases, String name, String method, String path, @Nullable String body, int status, String code) {
        add(cases, name, method, path, Auth.ADMIN, body, status, code);
    }

    private static void citizen(
            List<Case> cases, String name, String method, String path, @Nullable String body, int status, String code) {
        add(cases, name, method, path, Auth.CITIZEN, body, status, code);
    }

    private static void anyone(
            List<Case> cases, String name, String method, String path, @Nullable String body, int status, String code) {
        add(cases, name, method, path, Auth.NONE, body, status, code);
    }

    private static void add(
            List<Case> cases,
            String name,
            String method,
            String path,
            Auth auth,
            @Nullable String body,
            int status,
            String code) {
        cases.add(new Case(name, method, path, auth, body, status, code));
    }
}
