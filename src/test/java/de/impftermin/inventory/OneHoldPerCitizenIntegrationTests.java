package de.impftermin.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Choosing again does not keep the first choice from everybody else for ten minutes. */
@IntegrationTest
class OneHoldPerCitizenIntegrationTests extends ApiTestSupport {

    @Test
    void aNewHoldGivesTheEarlierHoldsPairsBackAtOnce() {
        LocalDate day = TestCentre.day(3);
        TestCentre centre = TestCentre.bookable(admin, day, 2);
        Citizen citizen = citizens.citizen();
        Citizen other = citizens.citizen();
        Person person = Person.unique();

        ApiResponse first = citizens.hold(citizen, centre.id(), day, "09:00", person);
        ApiResponse second = citizens.hold(citizen, centre.id(), day, "09:00", person);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and hold_expires_at > now()",
                        centre.id()))
                .isEqualTo(1);
        assertThat(citizens.hold(other, centre.id(), day, "09:00", Person.unique())
                        .status())
                .as("the pair of the first hold is free for someone else")
                .isEqualTo(201);
        ApiResponse lateConfirm = api.post(
                "/api/v1/bookings",
                Requests.booking(first.json().path("id").asString(), person),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
        assertThat(lateConfirm.status()).isEqualTo(410);
        assertThat(lateConfirm.problemCode()).isEqualTo("HOLD_EXPIRED");
        invariants.check(centre.id());
    }
}
