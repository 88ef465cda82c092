package de.impftermin.portal.web;

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

class EligibilityCheckTests {

    private static final Applicant ERNA = new Applicant(LocalDate.of(1941, 5, 3), "46282");
    private static final Applicant SON = new Applicant(LocalDate.of(1968, 2, 1), "46282");
    private static final Applicant FROM_BERLIN = new Applicant(LocalDate.of(1940, 1, 1), "10115");
    private static final EligibilityRule OVER_80 =
            new EligibilityRule(null, LocalDate.of(1941, 12, 31), List.of("45", "46"));
    private static final Instant NEXT_WEDNESDAY = Instant.parse("2021-11-24T07:00:00Z");

    @Test
    void answersNowWhenAnOpenReleaseAdmitsEveryone() {
        var answer = EligibilityCheck.answer(List.of(ERNA), List.of(release(OVER_80, null)), List.of());

        assertThat(answer.verdict()).isEqualTo(EligibilityCheck.Verdict.NOW);
    }

    @Test
    void namesTheOpeningTimeWhenOnlyAnAnnouncedReleaseAdmits() {
        var answer = EligibilityCheck.answer(
                List.of(SON),
                List.of(release(OVER_80, null)),
                List.of(release(EligibilityRule.EVERYONE, NEXT_WEDNESDAY)));

        assertThat(answer.verdict()).isEqualTo(EligibilityCheck.Verdict.LATER);
        assertThat(answer.opensAt()).isEqualTo(NEXT_WEDNESDAY);
    }

    @Test
    void explainsPerPersonWhyNotWithTheMostGenerousLimit() {
        var answer =
                EligibilityCheck.answer(List.of(ERNA, SON, FROM_BERLIN), List.of(release(OVER_80, null)), List.of());

        assertThat(answer.verdict()).isEqualTo(EligibilityCheck.Verdict.NOT_ELIGIBLE);
        assertThat(answer.reasons().get(0)).isNull();
        assertThat(answer.reasons().get(1).reason()).isEqualTo(EligibilityDecision.Reason.TOO_YOUNG);
        assertThat(answer.reasons().get(1).limit()).isEqualTo(LocalDate.of(1941, 12, 31));
        assertThat(answer.reasons().get(2).reason()).isEqualTo(EligibilityDecision.Reason.OUTSIDE_CATCHMENT_AREA);
        assertThat(answer.reasons().get(2).postalCodePrefixes()).containsExactly("45", "46");
    }

    @Test
    void tellsAHouseholdToBookSeparatelyWhenEachIsAdmittedByAnotherRelease() {
        EligibilityRule young = new EligibilityRule(LocalDate.of(1960, 1, 1), null, List.of());
        var answer = EligibilityCheck.answer(
                List.of(ERNA, SON), List.of(release(OVER_80, null), release(young, null)), List.of());

        assertThat(answer.verdict()).isEqualTo(EligibilityCheck.Verdict.NOT_TOGETHER);
    }

    @Test
    void saysSoWhenNothingIsOpenOrAnnounced() {
        assertThat(EligibilityCheck.answer(List.of(ERNA), List.of(), List.of()).verdict())
                .isEqualTo(EligibilityCheck.Verdict.NOTHING_OPEN);
    }

    private static Release release(EligibilityRule rule, Instant opensAt) {
        LocalDate day = LocalDate.of(2021, 12, 1);
        return new Release(
                1,
                "dorsten",
                Vaccine.COMIRNATY,
                day,
                day,
                10,
                10,
                opensAt == null ? Instant.parse("2021-11-20T07:00:00Z") : opensAt,
                Channel.ONLINE,
                rule);
    }
}
