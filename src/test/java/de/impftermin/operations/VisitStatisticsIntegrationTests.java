package de.impftermin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.StaffClient;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The office's no-show figures equal the marks counted in SQL, and the office page shows them. */
@IntegrationTest
class VisitStatisticsIntegrationTests extends ApiTestSupport {

    private final LocalDate day = TestCentre.day(4);

    @Autowired
    VisitStatistics statistics;

    @Test
    void countsVaccinatedNoShowsAndOpenCheckInsPerCentre() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        for (String time : new String[] {"09:00", "09:10", "09:20", "09:30"}) {
            TestCentre.expect(
                    CentreDaySupport.bookByPhone(admin, centre.id(), day, time, Person.unique()), 201, "booking");
        }
        JsonNode list = admin.get("/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/appointments")
                .json();
        mark(list.get(0), "check-in");
        mark(list.get(0), "vaccinated");
        mark(list.get(1), "check-in");
        mark(list.get(1), "vaccinated");
        mark(list.get(2), "no-show");
        mark(list.get(3), "check-in");

        VisitStatistics.CentreVisits visits =
                statistics
                        .perCentre(
                                Instant.now().minus(Duration.ofHours(1)),
                                Instant.now().plusSeconds(5))
                        .stream()
                        .filter(v -> v.centreId().equals(centre.id()))
                        .findFirst()
                        .orElseThrow();

        assertThat(visits.vaccinated())
                .isEqualTo(2)
                .isEqualTo(count(
                        "select count(*) from appointment_visit where centre_id = ? and status = 'VACCINATED'",
                        centre.id()));
        assertThat(visits.noShows())
                .isEqualTo(1)
                .isEqualTo(count(
                        "select count(*) from appointment_visit where centre_id = ? and status = 'NO_SHOW'",
                        centre.id()));
        assertThat(visits.checkedIn()).isEqualTo(1);
        assertThat(visits.noShowPercent()).isEqualTo(33);
        StaffClient office = StaffClient.on(port);
        office.signIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);
        StaffClient.Page page = office.get("/staff/office/statistics");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"visits-" + centre.id() + "\"", "33 %");
    }

    private void mark(JsonNode appointment, String what) {
        ApiResponse marked = admin.post(
                "/api/v1/admin/appointments/" + appointment.path("reference").asString() + "/" + what,
                "vaccinated".equals(what) ? de.impftermin.support.Json.obj("lot", null) : null);
        TestCentre.expect(marked, 200, what);
    }
}
