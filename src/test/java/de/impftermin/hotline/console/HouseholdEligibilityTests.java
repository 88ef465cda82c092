package de.impftermin.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityDecision;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.Release;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HouseholdEligibilityTests {

    private static final Applicant OLD = new Applicant(LocalDate.of(1941, 5, 3), "46282");
    private static final Applicant YOUNG = new Applicant(LocalDate.of(1990, 1, 1), "46282");
    private static final Applicant FAR = new Applicant(LocalDate.of(1941, 5, 3), "10115");

    @Test
    void aHouseholdMayBookTogetherWhereOneReleaseAdmitsEveryone() {
        var answer = HouseholdEligibility.decide(List.of(OLD, OLD), List.of(release(EligibilityRule.EVERYONE)));

        assertThat(answer.verdict()).isEqualTo(HouseholdEligibility.Verdict.TOGETHER);
    }

    @Test
    void namesTheCohortsMostGenerousLimitForAPersonTooYoung() {
        var answer = HouseholdEligibility.decide(
                List.of(OLD, YOUNG),
                List.of(
                        release(new EligibilityRule(null, LocalDate.of(1941, 12, 31), List.of())),
                        release(new EligibilityRule(null, LocalDate.of(1951, 12, 31), List.of()))));

        assertThat(answer.verdict()).isEqualTo(HouseholdEligibility.Verdict.NOT_ELIGIBLE);
        assertThat(answer.persons().get(0).eligible()).isTrue();
        assertThat(answer.persons().get(1).reason())
                .isEqualTo(new HouseholdEligibility.Reason(
                        EligibilityDecision.Reason.TOO_YOUNG, LocalDate.of(1951, 12, 31), List.of()));
    }

    @Test
    void namesTheCatchmentForAPersonLivingElsewhere() {
        var answer = HouseholdEligibility.decide(
                List.of(FAR), List.of(release(new EligibilityRule(null, null, List.of("46", "45")))));

        assertThat(answer.persons().getFirst().reason().postalCodePrefixes()).containsExactly("45", "46");
    }

    @Test
    void tellsApartPeopleWhoMayOnlyBookSeparately() {
        var answer = HouseholdEligibility.decide(
                List.of(OLD, FAR),
                List.of(
                        release(new EligibilityRule(null, null, List.of("46"))),
                        release(new EligibilityRule(null, null, List.of("10")))));

        assertThat(answer.verdict()).isEqualTo(HouseholdEligibility.Verdict.NOT_TOGETHER);
    }

    @Test
    void saysWhenNothingIsReleased() {
        assertThat(HouseholdEligibility.decide(List.of(OLD), List.of()).verdict())
                .isEqualTo(HouseholdEligibility.Verdict.NOTHING_RELEASED);
    }

    private static Release release(EligibilityRule rule) {
        LocalDate day = LocalDate.of(2022, 3, 10);
        return new Release(1, "dorsten", Vaccine.COMIRNATY, day, day, 10, 10, Instant.EPOCH, Channel.ONLINE, rule);
    }
}
