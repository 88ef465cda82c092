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
        ApiResponse lateConfirm = confirm(citizen, first, person);
        assertThat(lateConfirm.status()).isEqualTo(410);
        assertThat(lateConfirm.problemCode()).isEqualTo("HOLD_EXPIRED");
        invariants.check(centre.id());
    }

    @Test
    void choosingAgainCanTakeTheOwnLastPairBack() {
        LocalDate day = TestCentre.day(3);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();

        ApiResponse first = citizens.hold(citizen, centre.id(), day, "09:00", person);
        ApiResponse again = citizens.hold(citizen, centre.id(), day, "09:30", person);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status())
                .as("the only pair is held by this citizen's own earlier hold: it counts as free for them")
                .isEqualTo(201);
        assertThat(confirm(citizen, first, person).status()).isEqualTo(410);
        assertThat(confirm(citizen, again, person).status()).isEqualTo(201);
        invariants.check(centre.id());
    }

    @Test
    void aRefusedNewHoldLeavesTheEarlierHoldAsItWas() {
        LocalDate day = TestCentre.day(3);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        TestCentre full = TestCentre.bookable(admin, day, 1);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        assertThat(citizens.hold(citizens.citizen(), full.id(), day, "09:00", Person.unique())
                        .status())
                .isEqualTo(201);

        ApiResponse first = citizens.hold(citizen, centre.id(), day, "09:00", person);
        ApiResponse refused = citizens.hold(citizen, full.id(), day, "09:00", person);

        assertThat(first.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and hold_expires_at > now()",
                        centre.id()))
                .as("the earlier hold still has its pair")
                .isEqualTo(1);
        assertThat(confirm(citizen, first, person).status()).isEqualTo(201);
        invariants.check(centre.id());
    }

    private ApiResponse confirm(Citizen citizen, ApiResponse hold, Person person) {
        return api.post(
                "/api/v1/bookings",
                Requests.booking(hold.json().path("id").asString(), person),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
    }
}
