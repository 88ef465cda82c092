package de.impftermin.hotline.console;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.eligibility.Applicant;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The offers for a caller on the real inventory: PHONE before ONLINE, only releases that admit the whole household,
 * only times with a series for each person, within the time of day asked for.
 */
@IntegrationTest
class OffersIntegrationTests extends ApiTestSupport {

    @Autowired
    Offers offers;

    private final LocalDate day = TestCentre.day(9);
    private final String county = "Kreis-" + TestCentre.freshId();

    @Test
    void offersThePhoneContingentFirstAndOnlyWhatTheWholeHouseholdMayBook() {
        TestCentre centre = centreIn(county);
        release(centre, "PHONE");
        release(centre, "ONLINE");
        // a release for people born on or after 1950 must not count for a couple born before
        Map<String, Object> younger = centre.releaseBody("comirnaty", day, day, 4);
        younger.put("eligibility", TestCentre.eligibility(LocalDate.of(1950, 1, 1), null, List.of()));
        assertThat(centre.tryRelease(younger).status()).isEqualTo(201);

        Offers.Answer answer = offers.find(search(TimeOfDay.ANY, couple()));

        assertThat(answer.centres()).hasSize(1);
        Offers.CentreOffers at = answer.centres().getFirst();
        assertThat(at.phone()).isNotEmpty().allMatch(o -> o.channel() == Channel.PHONE);
        assertThat(at.online()).isNotEmpty().allMatch(o -> o.channel() == Channel.ONLINE);
        int onlineFree = at.online().stream().mapToInt(o -> o.time().free()).sum();
        assertThat(onlineFree)
                .as("the younger cohort's 4 series are not offered")
                .isBetween(2, 8);
        assertThat(answer.eligibility().verdict()).isEqualTo(HouseholdEligibility.Verdict.TOGETHER);
    }

    @Test
    void explainsWhichPersonMayNotBookAndOffersNothing() {
        TestCentre centre = centreIn(county);
        Map<String, Object> older = centre.releaseBody("comirnaty", day, day, 8);
        older.put("eligibility", TestCentre.eligibility(null, LocalDate.of(1951, 12, 31), List.of()));
        assertThat(centre.tryRelease(older).status()).isEqualTo(201);

        Offers.Answer answer = offers.find(search(
                TimeOfDay.ANY,
                List.of(
                        new Applicant(LocalDate.of(1941, 5, 3), "46282"),
                        new Applicant(LocalDate.of(1990, 1, 1), "46282"))));

        assertThat(answer.centres()).isEmpty();
        assertThat(answer.eligibility().verdict()).isEqualTo(HouseholdEligibility.Verdict.NOT_ELIGIBLE);
        assertThat(answer.eligibility().persons().get(0).eligible()).isTrue();
        HouseholdEligibility.Reason why = answer.eligibility().persons().get(1).reason();
        assertThat(why).isNotNull();
        assertThat(why.limit()).isEqualTo(LocalDate.of(1951, 12, 31));
    }

    @Test
    void keepsToTheTimeOfDayAskedFor() {
        TestCentre centre = centreIn(county);
        release(centre, "ONLINE");

        assertThat(offers.find(search(TimeOfDay.AFTERNOON, couple())).centres()).isEmpty();
        List<Offers.Offer> morning = offers.find(search(TimeOfDay.MORNING, couple()))
                .centres()
                .getFirst()
                .online();
        assertThat(morning)
                .allMatch(o -> BerlinTime.timeOf(o.time().firstStartsAt()).isBefore(LocalTime.NOON));
    }

    private Offers.Search search(TimeOfDay timeOfDay, List<Applicant> persons) {
        return new Offers.Search(county, day, timeOfDay, null, persons);
    }

    private static List<Applicant> couple() {
        return List.of(
                new Applicant(LocalDate.of(1941, 5, 3), "46282"), new Applicant(LocalDate.of(1940, 1, 2), "46282"));
    }

    private TestCentre centreIn(String county) {
        String id = TestCentre.freshId();
        assertThat(admin.post(
                                "/api/v1/admin/centres",
                                obj(
                                        "id",
                                        id,
                                        "name",
                                        "Zentrum " + id,
                                        "county",
                                        county,
                                        "postalCode",
                                        "46282",
                                        "address",
                                        "Teststraße 1",
                                        "phoneOnly",
                                        false))
                        .status())
                .isEqualTo(201);
        return TestCentre.existing(admin, id)
                .open(day, "09:00", "10:00", 2, 5)
                .open(day.plusDays(21), "09:00", "10:00", 2, 5)
                .deliver("comirnaty", 200, day.minusDays(1));
    }

    private void release(TestCentre centre, String channel) {
        Map<String, Object> body = centre.releaseBody("comirnaty", day, day, 8);
        body.put("channel", channel);
        assertThat(centre.tryRelease(body).status()).isEqualTo(201);
    }
}
