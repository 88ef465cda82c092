package de.impftermin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.StaffClient;
import de.impftermin.shared.BerlinTime;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Taking a mark back on the appointment's day, the path that works: through the API (check-in, vaccinated, and back
 * step by step) and through the console's button, each undo one change and one audit entry.
 */
@IntegrationTest
class UndoMarkIntegrationTests extends ApiTestSupport {

    private final LocalDate today = LocalDate.now(BerlinTime.ZONE);
    private TestCentre centre;

    /** A centre open today and 21 days on, so that today's appointments can be marked and taken back. */
    @BeforeEach
    void openToday() {
        centre = TestCentre.create(admin)
                .open(today, "07:00", "08:00", 1, 5)
                .open(today.plusDays(21), "07:00", "08:00", 1, 5)
                .deliver("comirnaty", 24, today.minusDays(1));
        centre.release("comirnaty", today, today, 12);
    }

    @Test
    void takesACheckInAndAVaccinationBackStepByStepThroughTheApi() {
        String first = reference(Person.unique(), "07:00");
        String second = reference(Person.unique(), "07:30");
        post("check-in", first);
        post("check-in", second);
        post("vaccinated", second);

        ApiResponse undoneCheckIn = post("undo", first);
        ApiResponse undoneVaccination = post("undo", second);

        assertThat(undoneCheckIn.status()).as(undoneCheckIn.toString()).isEqualTo(200);
        assertThat(undoneCheckIn.json().path("status").asString()).isEqualTo("BOOKED");
        assertThat(undoneVaccination.json().path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(statusOf(first)).isEqualTo("BOOKED");
        assertThat(statusOf(second)).isEqualTo("CHECKED_IN");
        assertThat(post("undo", second).json().path("status").asString()).isEqualTo("BOOKED");
        assertThat(post("undo", second).status())
                .as("nothing left to take back")
                .isEqualTo(200);
        assertThat(audits(first)).isEqualTo(1);
        assertThat(audits(second)).isEqualTo(2);
        // checked in again after the undo, as on any other day
        assertThat(post("check-in", first).json().path("status").asString()).isEqualTo("CHECKED_IN");
    }

    @Test
    void theConsolesButtonTakesTheLastMarkBack() {
        String ref = reference(Person.of("Jürgen", "Weiß " + Person.unique().lastName(), "1944-02-29"), "07:15");
        post("check-in", ref);
        StaffClient console = StaffClient.on(port);
        assertThat(console.signIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD).status()).isEqualTo(302);
        String dayPage = "/staff/centre/" + centre.id() + "?date=" + today;
        assertThat(console.get(dayPage).body()).contains("/appointments/" + ref + "/undo");

        StaffClient.Page undone = console.submit(
                dayPage,
                "/staff/centre/" + centre.id() + "/appointments/" + ref + "/undo",
                Map.of("date", today.toString()));

        assertThat(undone.status()).isEqualTo(302);
        assertThat(undone.location()).contains("/staff/centre/" + centre.id() + "?date=" + today);
        StaffClient.Page after = console.get(dayPage);
        assertThat(after.body()).contains("gebucht").doesNotContain("/appointments/" + ref + "/undo");
        assertThat(statusOf(ref)).isEqualTo("BOOKED");
        assertThat(count(
                        "select count(*) from audit_event where action = 'APPOINTMENT_MARK_UNDONE' and subject = ?"
                                + " and actor = ?",
                        ref,
                        Api.ADMIN_USER))
                .isEqualTo(1);
    }

    private String reference(Person person, String time) {
        TestCentre.expect(CentreDaySupport.bookByPhone(admin, centre.id(), today, time, person), 201, "book today");
        for (JsonNode entry : admin.get(dayList()).json()) {
            if (entry.path("lastName").asString().equals(person.lastName())) {
                return entry.path("reference").asString();
            }
        }
        throw new AssertionError(person + " not on today's list");
    }

    private ApiResponse post(String mark, String reference) {
        return admin.post("/api/v1/admin/appointments/" + reference + "/" + mark, null);
    }

    private String statusOf(String reference) {
        for (JsonNode entry : admin.get(dayList()).json()) {
            if (entry.path("reference").asString().equals(reference)) {
                return entry.path("status").asString();
            }
        }
        throw new AssertionError(reference + " not on today's list");
    }

    private String dayList() {
        return "/api/v1/admin/centres/" + centre.id() + "/days/" + today + "/appointments";
    }

    private int audits(String reference) {
        return count(
                "select count(*) from audit_event where action = 'APPOINTMENT_MARK_UNDONE' and subject = ?", reference);
    }
}
