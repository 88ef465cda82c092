package de.impftermin.operations;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Invariants;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CentreDayIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private Api admin;
    private TestCentre centre;
    private final LocalDate day = TestCentre.day(3);

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        admin = api.asAdmin();
        centre = TestCentre.bookable(admin, day, 12);
    }

    @Test
    void listsTheDayByTimeWithNamesAndAuditsTheRead() {
        String unique = Person.unique().lastName();
        Person erna = Person.of("Erna", "Müller " + unique, "1941-05-03");
        Person karl = Person.of("Karl", "Özdemir " + unique, "1939-11-30");
        String later = code(CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:40", erna));
        String earlier = code(CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:05", karl));
        long auditsBefore = audits("PERSONAL_DATA_READ", centre.id());

        ApiResponse list = admin.get(dayList());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode entries = list.json();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("bookingCode").asString()).isEqualTo(earlier);
        assertThat(entries.get(0).path("lastName").asString()).isEqualTo("Özdemir " + unique);
        assertThat(entries.get(0).path("birthDate").asString()).isEqualTo("1939-11-30");
        assertThat(entries.get(0).path("dose").asInt()).isEqualTo(1);
        assertThat(entries.get(0).path("status").asString()).isEqualTo("BOOKED");
        assertThat(entries.get(0).path("startsAt").asString()).contains("T09:05");
        assertThat(entries.get(1).path("bookingCode").asString()).isEqualTo(later);
        assertThat(audits("PERSONAL_DATA_READ", centre.id())).isEqualTo(auditsBefore + 1);
    }

    @Test
    void checksInVaccinatesAndMarkingTwiceIsOneChange() {
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique());
        String ref = admin.get(dayList()).json().get(0).path("reference").asString();

        ApiResponse first = admin.post("/api/v1/admin/appointments/" + ref + "/check-in", null);
        ApiResponse again = admin.post("/api/v1/admin/appointments/" + ref + "/check-in", null);
        ApiResponse vaccinated = admin.post("/api/v1/admin/appointments/" + ref + "/vaccinated", obj("lot", "FK1234"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(vaccinated.json().path("status").asString()).isEqualTo("VACCINATED");
        assertThat(audits("APPOINTMENT_CHECKED_IN", ref)).isEqualTo(1);
        assertThat(audits("APPOINTMENT_VACCINATED", ref)).isEqualTo(1);
        assertThat(admin.get(dayList()).json().get(0).path("status").asString()).isEqualTo("VACCINATED");
    }

    @Test
    void takesAMarkBackOnlyOnTheAppointmentsDay() {
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique());
        String ref = admin.get(dayList()).json().get(0).path("reference").asString();
        admin.post("/api/v1/admin/appointments/" + ref + "/check-in", null);

        ApiResponse undo = admin.post("/api/v1/admin/appointments/" + ref + "/undo", null);

        assertThat(undo.status()).as(undo.toString()).isEqualTo(409);
        assertThat(undo.problemCode()).isEqualTo("APPOINTMENT_STATE_CONFLICT");
        assertThat(admin.get(dayList()).json().get(0).path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(audits("APPOINTMENT_MARK_UNDONE", ref)).isZero();
    }

    @Test
    void refusesAnImpossibleTransitionWithAProblemAndChangesNothing() {
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique());
        String ref = admin.get(dayList()).json().get(0).path("reference").asString();

        ApiResponse vaccinatedBeforeCheckIn = admin.post("/api/v1/admin/appointments/" + ref + "/vaccinated", null);
        admin.post("/api/v1/admin/appointments/" + ref + "/no-show", null);
        ApiResponse checkInAfterNoShow = admin.post("/api/v1/admin/appointments/" + ref + "/check-in", null);

        assertThat(vaccinatedBeforeCheckIn.status()).isEqualTo(409);
        assertThat(vaccinatedBeforeCheckIn.contentType()).startsWith("application/problem+json");
        assertThat(vaccinatedBeforeCheckIn.problemCode()).isEqualTo("APPOINTMENT_STATE_CONFLICT");
        assertThat(checkInAfterNoShow.status()).isEqualTo(409);
        assertThat(audits("APPOINTMENT_CHECKED_IN", ref)).isZero();
        assertThat(admin.get(dayList()).json().get(0).path("status").asString()).isEqualTo("NO_SHOW");
    }

    @Test
    void aFirstDoseNoShowFreesTheSecondDoseSeatAtOnceAndOnlyOnce() {
        String code = code(CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique()));
        String ref = code + "-1-1";
        long pair = jdbc.sql("select pair_id from booking_appointment a join booking b on b.id = a.booking_id"
                        + " where b.code = ? and a.dose = 1")
                .param(code)
                .query(Long.class)
                .single();
        long secondSeat = jdbc.sql("select second_seat_id from appointment_pair where centre_id = ? and id = ?")
                .params(centre.id(), pair)
                .query(Long.class)
                .single();

        ApiResponse noShow = admin.post("/api/v1/admin/appointments/" + ref + "/no-show", null);
        ApiResponse again = admin.post("/api/v1/admin/appointments/" + ref + "/no-show", null);

        assertThat(noShow.status()).as(noShow.toString()).isEqualTo(200);
        assertThat(noShow.json().path("status").asString()).isEqualTo("NO_SHOW");
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.sql("select pair_id from seat where centre_id = ? and id = ?")
                        .params(centre.id(), secondSeat)
                        .query(Long.class)
                        .optional())
                .as("the 2nd-dose seat belongs to no pair: the next release may pair it")
                .isEmpty();
        assertThat(admin.get("/api/v1/bookings/" + code + "?birthDate=1950-05-03")
                        .json()
                        .path("appointments"))
                .hasSize(1);
        assertThat(jdbc.sql("select sum(doses_returned) from release where centre_id = ?")
                        .param(centre.id())
                        .query(Integer.class)
                        .single())
                .as("the dose is back in the ledger once")
                .isEqualTo(1);
        assertThat(audits("APPOINTMENT_NO_SHOW", ref)).isEqualTo(1);
        new Invariants(jdbc).check(centre.id());
    }

    @Test
    void csvKeepsUmlautsCommasAndQuotesForExcel() throws Exception {
        String unique = Person.unique().lastName();
        Person tricky = Person.of("Jürgen \"Jü\"", "Groß, von " + unique, "1944-02-29");
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", tricky);

        HttpResponse<byte[]> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.baseUrl() + dayList()))
                                .header("Accept", "text/csv")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((Api.ADMIN_USER + ":" + Api.ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
                .as("UTF-8 byte-order mark")
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst())
                .isEqualTo("reference;startsAt;dose;firstName;lastName;birthDate;bookingCode;status");
        List<String> fields = parse(lines.get(1));
        assertThat(fields).hasSize(8);
        assertThat(fields.get(3)).isEqualTo("Jürgen \"Jü\"");
        assertThat(fields.get(4)).isEqualTo("Groß, von " + unique);
        assertThat(fields.get(5)).isEqualTo("1944-02-29");
    }

    @Test
    void anOperatorOfAnotherCentreGets403AndChangesNothing() {
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique());
        String ref = admin.get(dayList()).json().get(0).path("reference").asString();
        TestCentre other = TestCentre.create(admin);
        Api stranger = CentreDaySupport.operator(api, other.id());
        Api own = CentreDaySupport.operator(api, centre.id());

        assertThat(stranger.get(dayList()).status()).isEqualTo(403);
        assertThat(stranger.post("/api/v1/admin/appointments/" + ref + "/check-in", null)
                        .status())
                .isEqualTo(403);
        assertThat(stranger.post(cancel(), obj("reason", "x", "dryRun", true)).status())
                .isEqualTo(403);
        assertThat(admin.get(dayList()).json().get(0).path("status").asString()).isEqualTo("BOOKED");
        assertThat(own.get(dayList()).status()).isEqualTo(200);
        assertThat(own.post("/api/v1/admin/appointments/" + ref + "/check-in", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique());
        String ref = admin.get(dayList()).json().get(0).path("reference").asString();

        ApiResponse badDate = admin.get("/api/v1/admin/centres/" + centre.id() + "/days/2022-13-45/appointments");
        ApiResponse unknownRef = admin.post("/api/v1/admin/appointments/NOPE-1-1/check-in", null);
        ApiResponse garbageRef = admin.post("/api/v1/admin/appointments/x/check-in", null);
        ApiResponse badJson = admin.post("/api/v1/admin/appointments/" + ref + "/vaccinated", "{\"lot\":");
        ApiResponse noReason = admin.post(cancel(), obj("dryRun", false));
        ApiResponse wrongType = admin.post(cancel(), obj("reason", "x", "dryRun", "soon"));
        ApiResponse badJob = admin.get("/api/v1/admin/jobs/not-a-uuid");
        ApiResponse unknownJob = admin.get("/api/v1/admin/jobs/7d0e5c3e-0000-4000-8000-000000000000");
        ApiResponse unknownCentre = admin.get("/api/v1/admin/centres/t-nowhere/days/" + day + "/appointments");

        for (ApiResponse r : List.of(badDate, badJson, wrongType, badJob)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(noReason.status()).as(noReason.toString()).isIn(400, 422);
        for (ApiResponse r : List.of(unknownRef, garbageRef, unknownJob, unknownCentre)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(admin.get(dayList()).json().get(0).path("status").asString()).isEqualTo("BOOKED");
        assertThat(jdbc.sql("select count(*) from day_cancellation where centre_id = ?")
                        .param(centre.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDryRunPreviewsAndChangesNothing() {
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique(), Person.unique());
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:30", Person.unique());

        ApiResponse preview = admin.post(cancel(), obj("reason", "Lieferung ausgefallen", "dryRun", true));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("bookings").asInt()).isEqualTo(2);
        assertThat(preview.json().path("persons").asInt()).isEqualTo(3);
        assertThat(preview.json().path("movable").asInt()).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from appointment_pair where centre_id = ? and hold_expires_at = 'infinity'")
                        .param(centre.id())
                        .query(Integer.class)
                        .single())
                .as("the day is not closed by a preview")
                .isZero();
    }

    private String dayList() {
        return "/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/appointments";
    }

    private String cancel() {
        return "/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/cancel";
    }

    private static String code(ApiResponse booked) {
        TestCentre.expect(booked, 201, "hotline booking");
        return booked.json().path("code").asString();
    }

    private long audits(String action, String subjectPart) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject like ?")
                .params(action, "%" + subjectPart + "%")
                .query(Long.class)
                .single();
    }

    /** A minimal RFC 4180 reader with {@code ;} as separator. */
    private static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
