package de.impftermin.waitlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchingTests {

    private static final LocalDate DAY = LocalDate.of(2022, 1, 10);
    private static final Applicant BORN_1950 = new Applicant(LocalDate.of(1950, 5, 3), "46282");

    @Test
    void aHouseholdGetsSeriesSideBySideNotHoursApart() {
        List<Matching.Candidate> pool = List.of(
                series(1, "a", "09:00"),
                series(2, "a", "10:00"),
                series(3, "a", "11:00"),
                series(4, "a", "12:00"),
                series(5, "a", "12:05"));

        assertThat(Matching.pick(pool, wish(2)).orElseThrow())
                .extracting(Matching.Candidate::pairId)
                .containsExactly(4L, 5L);
        assertThat(Matching.pick(pool, wish(3))).isEmpty();
    }

    @Test
    void neverPicksASeriesWhoseRuleAPersonFails() {
        EligibilityRule over80 = new EligibilityRule(null, LocalDate.of(1941, 12, 31), List.of());
        List<Matching.Candidate> pool = List.of(
                new Matching.Candidate(1, "a", Vaccine.COMIRNATY, BerlinTime.at(DAY, LocalTime.of(9, 0)), over80));

        assertThat(Matching.pick(pool, wish(1))).isEmpty();
    }

    @Test
    void onlyAtTheWishedCentresAndVaccine() {
        List<Matching.Candidate> pool = List.of(series(1, "elsewhere", "09:00"), series(2, "a", "09:30"));

        assertThat(Matching.pick(pool, wish(1)).orElseThrow().getFirst().pairId())
                .isEqualTo(2L);
        assertThat(Matching.pick(pool, new Matching.Wish(List.of(BORN_1950), Set.of("a"), Vaccine.SPIKEVAX)))
                .isEmpty();
    }

    private static Matching.Wish wish(int persons) {
        return new Matching.Wish(java.util.Collections.nCopies(persons, BORN_1950), Set.of("a"), null);
    }

    private static Matching.Candidate series(long id, String centre, String time) {
        return new Matching.Candidate(
                id, centre, Vaccine.COMIRNATY, BerlinTime.at(DAY, LocalTime.parse(time)), EligibilityRule.EVERYONE);
    }
}
