package de.impftermin.administration;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do what: no login, administrators, operators of their own centres, hotline agents. */
@IntegrationTest
class StaffRolesIntegrationTests extends ApiTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void staffEndpointsWithoutLoginAnswer401Problems() {
        for (String path : List.of(
                "/api/v1/admin/centres", "/api/v1/admin/releases", "/api/v1/admin/staff", "/api/v1/hotline/bookings")) {
            ApiResponse response = api.post(path, obj());
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.problemCode()).isEqualTo("UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        }
        ApiResponse wrongPassword = api.as("admin", "wrong").post("/api/v1/admin/centres", obj());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.problemCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void administratorsCreateStaffAccountsWithHashedPasswords() {
        TestCentre centre = TestCentre.create(admin);
        String username = freshUsername();

        ApiResponse created = admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", PASSWORD, "role", "OPERATOR", "centreIds", List.of(centre.id())));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("role").asString()).isEqualTo("OPERATOR");
        assertThat(created.body()).doesNotContain(PASSWORD);
        assertThat(jdbc.sql("select password_hash from staff_account where username = ?")
                        .param(username)
                        .query(String.class)
                        .single())
                .doesNotContain(PASSWORD)
                .startsWith("{");
        ApiResponse again =
                admin.post("/api/v1/admin/staff", obj("username", username, "password", PASSWORD, "role", "AGENT"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("USERNAME_TAKEN");
        ApiResponse unknownCentre = admin.post(
                "/api/v1/admin/staff",
                obj(
                        "username",
                        freshUsername(),
                        "password",
                        PASSWORD,
                        "role",
                        "OPERATOR",
                        "centreIds",
                        List.of("t-nobody-here")));
        assertThat(unknownCentre.status()).isEqualTo(422);
        assertThat(unknownCentre.problemCode()).isEqualTo("UNKNOWN_CENTRE");
        ApiResponse badRole = admin.post(
                "/api/v1/admin/staff", obj("username", freshUsername(), "password", PASSWORD, "role", "ROOT"));
        assertThat(badRole.status()).isEqualTo(400);
        ApiResponse shortPassword =
                admin.post("/api/v1/admin/staff", obj("username", freshUsername(), "password", "123", "role", "AGENT"));
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/admin/staff")
                        .json()
                        .valueStream()
                        .map(a -> a.path("username").asString()))
                .contains(username, "admin");
    }

    @Test
    void agentsCannotUseAdministration() {
        Api agent = staff("AGENT");
        TestCentre centre = TestCentre.create(admin);
        int centres = count("select count(*) from centre");

        List<ApiResponse> attempts = List.of(
                agent.post("/api/v1/admin/centres", centreBody(TestCentre.freshId())),
                agent.post(
                        "/api/v1/admin/centres/" + centre.id() + "/opening-days",
                        obj(
                                "date",
                                TestCentre.day(0).toString(),
                                "opens",
                                "08:00",
                                "closes",
                                "09:00",
                                "lanes",
                                1,
                                "slotMinutes",
                                5)),
                agent.post(
                        "/api/v1/admin/releases",
                        centre.releaseBody("comirnaty", TestCentre.day(0), TestCentre.day(0), 1)),
                agent.get("/api/v1/admin/releases?centreId=" + centre.id()),
                agent.post(
                        "/api/v1/admin/staff", obj("username", freshUsername(), "password", PASSWORD, "role", "ADMIN")),
                agent.get("/api/v1/admin/staff"));

        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.problemCode()).isEqualTo("FORBIDDEN");
        });
        assertThat(count("select count(*) from centre")).isEqualTo(centres);
        assertThat(count("select count(*) from opening_day where centre_id = ?", centre.id()))
                .isZero();
    }

    @Test
    void operatorsManageOnlyTheirOwnCentres() {
        LocalDate day = TestCentre.day(40);
        TestCentre own = TestCentre.create(admin);
        TestCentre other = TestCentre.create(admin).open(day, "09:00", "10:00", 1, 10);
        Api operator = staff("OPERATOR", own.id());
        Map<String, Object> openingDay =
                obj("date", day.toString(), "opens", "09:00", "closes", "10:00", "lanes", 1, "slotMinutes", 10);

        assertThat(operator.post("/api/v1/admin/centres/" + own.id() + "/opening-days", openingDay)
                        .status())
                .isEqualTo(201);
        assertThat(operator.post(
                                "/api/v1/admin/centres/" + own.id() + "/deliveries",
                                obj("vaccine", "jcovden", "doses", 10, "arrives", day.toString()))
                        .status())
                .isEqualTo(201);
        assertThat(operator.post("/api/v1/admin/releases", own.releaseBody("jcovden", day, day, 2))
                        .status())
                .isEqualTo(201);
        assertThat(operator.get("/api/v1/admin/releases?centreId=" + own.id()).status())
                .isEqualTo(200);

        List<ApiResponse> foreign = List.of(
                operator.post(
                        "/api/v1/admin/centres/" + other.id() + "/opening-days",
                        obj(
                                "date",
                                day.plusDays(1).toString(),
                                "opens",
                                "09:00",
                                "closes",
                                "10:00",
                                "lanes",
                                1,
                                "slotMinutes",
                                10)),
                operator.post(
                        "/api/v1/admin/centres/" + other.id() + "/deliveries",
                        obj("vaccine", "jcovden", "doses", 10, "arrives", day.toString())),
                operator.post("/api/v1/admin/releases", other.releaseBody("jcovden", day, day, 2)),
                operator.get("/api/v1/admin/releases?centreId=" + other.id()),
                operator.get("/api/v1/admin/centres/" + other.id() + "/deliveries"),
                operator.post("/api/v1/admin/centres", centreBody(TestCentre.freshId())),
                operator.post(
                        "/api/v1/admin/staff", obj("username", freshUsername(), "password", PASSWORD, "role", "ADMIN")),
                operator.post("/api/v1/hotline/bookings", Requests.phoneBooking(own.id(), day, null, Person.unique())));
        assertThat(foreign).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.problemCode()).isEqualTo("FORBIDDEN");
        });
        assertThat(count("select count(*) from opening_day where centre_id = ?", other.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from delivery where centre_id = ?", other.id()))
                .isZero();
        assertThat(count("select count(*) from release where centre_id = ?", other.id()))
                .isZero();
    }

    @Test
    void hotlineBookingsTakeThePhoneContingentFirstThenOnline() {
        LocalDate day = TestCentre.day(41);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 10)
                .open(day.plusDays(21), "09:00", "10:00", 1, 10)
                .deliver("comirnaty", 100, day);
        Map<String, Object> phoneRelease = centre.releaseBody("comirnaty", day, day, 1);
        phoneRelease.put("channel", "PHONE");
        assertThat(centre.tryRelease(phoneRelease).status()).isEqualTo(201);
        centre.release("comirnaty", day, day, 1);
        Api agent = staff("AGENT");

        ApiResponse citizenHold = citizens.hold(citizens.citizen(), centre.id(), day, null, Person.unique());
        assertThat(citizenHold.status()).isEqualTo(201);
        assertThat(releaseChannelOfHold(citizenHold.json().path("id").asString()))
                .isEqualTo("ONLINE");
        api.post(
                "/api/v1/bookings",
                Requests.booking(citizenHold.json().path("id").asString(), Person.unique()));
        jdbc.sql("update appointment_pair set hold_id = null, hold_expires_at = null where centre_id = ?")
                .param(centre.id())
                .update();

        ApiResponse first = agent.post(
                "/api/v1/hotline/bookings", Requests.phoneBooking(centre.id(), day, "09:30", Person.unique()));
        ApiResponse second = agent.post(
                "/api/v1/hotline/bookings", Requests.phoneBooking(centre.id(), day, "09:30", Person.unique()));
        ApiResponse third = agent.post(
                "/api/v1/hotline/bookings", Requests.phoneBooking(centre.id(), day, "09:30", Person.unique()));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("channel").asString()).isEqualTo("PHONE");
        assertThat(releaseChannelOfBooking(first.json().path("code").asString()))
                .isEqualTo("PHONE");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(releaseChannelOfBooking(second.json().path("code").asString()))
                .isEqualTo("ONLINE");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.problemCode()).isEqualTo("NO_APPOINTMENTS");
        assertThat(citizens.hold(citizens.citizen(), centre.id(), day, null, Person.unique())
                        .status())
                .as("citizens never get the phone contingent")
                .isEqualTo(409);
        invariants.check(centre.id());
    }

    private String releaseChannelOfHold(String holdId) {
        return jdbc.sql(
                        "select distinct r.channel from appointment_pair p join release r on r.id = p.release_id where p.hold_id = ?::uuid")
                .param(holdId)
                .query(String.class)
                .single();
    }

    private String releaseChannelOfBooking(String code) {
        return jdbc.sql("""
                        select distinct r.channel from appointment_pair p join release r on r.id = p.release_id
                        join booking b on b.id = p.booking_id where b.code = ?
                        """).param(code).query(String.class).single();
    }

    private Api staff(String role, String... centreIds) {
        String username = freshUsername();
        ApiResponse created = admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", PASSWORD, "role", role, "centreIds", List.of(centreIds)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return api.as(username, PASSWORD);
    }

    private static String freshUsername() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Map<String, Object> centreBody(String id) {
        return obj("id", id, "name", "N", "county", "C", "postalCode", "46282", "address", "A", "phoneOnly", false);
    }
}
