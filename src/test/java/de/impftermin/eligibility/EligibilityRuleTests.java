package de.impftermin.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityRuleTests {

    private static final EligibilityRule BORN_1941_OR_EARLIER_IN_45_46 =
            new EligibilityRule(null, LocalDate.of(1941, 12, 31), List.of("45", "46"));

    @Test
    void admitsEveryoneWithoutARule() {
        assertThat(EligibilityRule.EVERYONE
                        .decide(new Applicant(LocalDate.of(2003, 1, 1), "10115"))
                        .eligible())
                .isTrue();
    }

    @Test
    void includesBothEndsOfTheBirthDateRange() {
        EligibilityRule rule = new EligibilityRule(LocalDate.of(1950, 1, 1), LocalDate.of(1960, 12, 31), List.of());
        assertThat(rule.decide(new Applicant(LocalDate.of(1950, 1, 1), "46282")).eligible())
                .isTrue();
        assertThat(rule.decide(new Applicant(LocalDate.of(1960, 12, 31), "46282"))
                        .eligible())
                .isTrue();
        assertThat(rule.decide(new Applicant(LocalDate.of(1949, 12, 31), "46282")))
                .isInstanceOfSatisfying(
                        EligibilityDecision.NotEligible.class,
                        no -> assertThat(no.reason()).isEqualTo(EligibilityDecision.Reason.TOO_OLD));
        assertThat(rule.decide(new Applicant(LocalDate.of(1961, 1, 1), "46282")))
                .isInstanceOfSatisfying(
                        EligibilityDecision.NotEligible.class,
                        no -> assertThat(no.reason()).isEqualTo(EligibilityDecision.Reason.TOO_YOUNG));
    }

    @Test
    void admitsOnlyPostalCodesOfTheCatchmentArea() {
        assertThat(BORN_1941_OR_EARLIER_IN_45_46
                        .decide(new Applicant(LocalDate.of(1940, 1, 1), "46282"))
                        .eligible())
                .isTrue();
        assertThat(BORN_1941_OR_EARLIER_IN_45_46.decide(new Applicant(LocalDate.of(1940, 1, 1), "44135")))
                .isInstanceOfSatisfying(EligibilityDecision.NotEligible.class, no -> {
                    assertThat(no.reason()).isEqualTo(EligibilityDecision.Reason.OUTSIDE_CATCHMENT_AREA);
                    assertThat(no.explanation()).contains("45").contains("46");
                });
    }

    @Test
    void explainsWhyAPersonIsTooYoung() {
        assertThat(BORN_1941_OR_EARLIER_IN_45_46.decide(new Applicant(LocalDate.of(1942, 1, 1), "46282")))
                .isInstanceOfSatisfying(
                        EligibilityDecision.NotEligible.class,
                        no -> assertThat(no.explanation()).contains("1941-12-31"));
    }

    @Test
    void aHouseholdIsEligibleOnlyIfEveryPersonIs() {
        Applicant old = new Applicant(LocalDate.of(1935, 2, 2), "46282");
        Applicant young = new Applicant(LocalDate.of(1975, 2, 2), "46282");
        assertThat(BORN_1941_OR_EARLIER_IN_45_46.decideAll(List.of(old, old)).eligible())
                .isTrue();
        assertThat(BORN_1941_OR_EARLIER_IN_45_46.decideAll(List.of(old, young)))
                .isInstanceOfSatisfying(
                        EligibilityDecision.NotEligible.class,
                        no -> assertThat(no.reason()).isEqualTo(EligibilityDecision.Reason.TOO_YOUNG));
    }
}
