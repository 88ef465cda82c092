package de.impftermin.hotline.console;

import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityDecision;
import de.impftermin.inventory.Release;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether each person of a caller's household may book the releases in question, and if not why, in the terms the
 * page explains (as the portal does): the cohort's most generous birth-date limit, or the catchment's postal areas.
 */
final class HouseholdEligibility {

    enum Verdict {
        /** A release admits every person. */
        TOGETHER,
        /** Everyone may book alone, but no single release admits them all: book them separately. */
        NOT_TOGETHER,
        /** At least one person may book none of them ({@link PersonCheck#reason()} says why). */
        NOT_ELIGIBLE,
        /** No release at all for the day and vaccine asked for. */
        NOTHING_RELEASED
    }

    /** One person and, where that person may book none of the releases, the reason. */
    record PersonCheck(Applicant person, @Nullable Reason reason) {
        public boolean eligible() {
            return reason == null;
        }
    }

    /** Why one person may not book: the rule's reason and the most generous limit of that kind. */
    record Reason(EligibilityDecision.Reason kind, @Nullable LocalDate limit, List<String> postalCodePrefixes) {}

    record Answer(Verdict verdict, List<PersonCheck> persons) {}

    private HouseholdEligibility() {}

    static Answer decide(List<Applicant> persons, List<Release> releases) {
        List<PersonCheck> checks = persons.stream()
                .map(p -> new PersonCheck(p, reasonFor(p, releases)))
                .toList();
        if (releases.isEmpty()) {
            return new Answer(Verdict.NOTHING_RELEASED, checks);
        }
        if (releases.stream().anyMatch(r -> r.eligibility().decideAll(persons).eligible())) {
            return new Answer(Verdict.TOGETHER, checks);
        }
        boolean everyoneAlone = checks.stream().allMatch(PersonCheck::eligible);
        return new Answer(everyoneAlone ? Verdict.NOT_TOGETHER : Verdict.NOT_ELIGIBLE, checks);
    }

    private static @Nullable Reason reasonFor(Applicant person, List<Release> releases) {
        List<EligibilityDecision.NotEligible> refusals = new ArrayList<>();
        for (Release r : releases) {
            if (r.eligibility().decide(person) instanceof EligibilityDecision.NotEligible no) {
                refusals.add(no);
            } else {
                return null;
            }
        }
        if (refusals.isEmpty()) {
            return null;
        }
        EligibilityDecision.Reason kind = refusals.getFirst().reason();
        return switch (kind) {
            case TOO_YOUNG ->
                new Reason(
                        kind,
                        releases.stream()
                                .map(r -> r.eligibility().bornOnOrBefore())
                                .filter(Objects::nonNull)
                                .max(Comparator.naturalOrder())
                                .orElse(null),
                        List.of());
            case TOO_OLD ->
                new Reason(
                        kind,
                        releases.stream()
                                .map(r -> r.eligibility().bornOnOrAfter())
                                .filter(Objects::nonNull)
                                .min(Comparator.naturalOrder())
                                .orElse(null),
                        List.of());
            case OUTSIDE_CATCHMENT_AREA ->
                new Reason(
                        kind,
                        null,
                        releases.stream()
                                .flatMap(r -> r.eligibility().postalCodePrefixes().stream())
                                .distinct()
                                .sorted()
                                .toList());
        };
    }
}
