package de.impftermin.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Eligibility against a second, deliberately plain statement of the rule (born inside the range, postal code under one
 * of the prefixes) over generated rules and people, including open ends, empty prefix lists and boundary dates.
 */
class EligibilityRulePropertyTests {

    private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

    private static Gen<LocalDate> dates() {
        return integers().between(0, 45_000).map(d -> EPOCH.plusDays(d));
    }

    private static Gen<String> postalCodes() {
        return integers().between(1067, 99998).map(n -> String.format("%05d", n));
    }

    private static Gen<EligibilityRule> rules() {
        Gen<LocalDate> openOrDate = Generate.oneOf(Generate.constant(() -> null), dates());
        Gen<List<String>> prefixes = lists().of(
                        integers().between(1, 5).zip(postalCodes(), (length, code) -> code.substring(0, length)))
                .ofSizeBetween(0, 3);
        return openOrDate.zip(openOrDate, prefixes, EligibilityRule::new);
    }

    private static Gen<Applicant> applicants() {
        return dates().zip(postalCodes(), Applicant::new);
    }

    @Test
    void decidesExactlyAsThePlainStatementOfTheRule() {
        qt().withExamples(5_000)
                .forAll(rules(), applicants())
                .checkAssert(
                        (rule, applicant) -> assertThat(rule.decide(applicant).eligible())
                                .as(rule + " " + applicant)
                                .isEqualTo(plainly(rule, applicant)));
    }

    @Test
    void aBirthDayOnEitherBoundaryIsInside() {
        qt().withExamples(1_000).forAll(dates(), postalCodes()).checkAssert((day, postalCode) -> {
            EligibilityRule onlyThatDay = new EligibilityRule(day, day, List.of());
            assertThat(onlyThatDay.decide(new Applicant(day, postalCode)).eligible())
                    .isTrue();
            assertThat(onlyThatDay
                            .decide(new Applicant(day.plusDays(1), postalCode))
                            .eligible())
                    .isFalse();
            assertThat(onlyThatDay
                            .decide(new Applicant(day.minusDays(1), postalCode))
                            .eligible())
                    .isFalse();
        });
    }

    @Test
    void aHouseholdIsEligibleExactlyWhenEveryPersonIsAndOtherwiseGetsTheFirstRefusal() {
        qt().withExamples(3_000)
                .forAll(rules(), lists().of(applicants()).ofSizeBetween(1, 4))
                .checkAssert((rule, household) -> {
                    EligibilityDecision decision = rule.decideAll(household);
                    assertThat(decision.eligible()).isEqualTo(household.stream().allMatch(a -> plainly(rule, a)));
                    household.stream()
                            .map(rule::decide)
                            .filter(d -> !d.eligible())
                            .findFirst()
                            .ifPresent(first -> assertThat(decision).isEqualTo(first));
                });
    }

    private static boolean plainly(EligibilityRule rule, Applicant applicant) {
        LocalDate born = applicant.birthDate();
        boolean oldEnough = rule.bornOnOrBefore() == null || !born.isAfter(rule.bornOnOrBefore());
        boolean youngEnough = rule.bornOnOrAfter() == null || !born.isBefore(rule.bornOnOrAfter());
        boolean lives = rule.postalCodePrefixes().isEmpty()
                || rule.postalCodePrefixes().stream()
                        .anyMatch(p -> applicant.postalCode().startsWith(p));
        return oldEnough && youngEnough && lives;
    }
}
