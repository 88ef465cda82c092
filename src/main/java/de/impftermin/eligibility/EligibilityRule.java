package de.impftermin.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A release's eligibility: born within [{@code bornOnOrAfter}, {@code bornOnOrBefore}] (either end open) and living
 * where the postal code starts with one of {@code postalCodePrefixes} (empty: anywhere).
 */
public record EligibilityRule(
        @Nullable LocalDate bornOnOrAfter, @Nullable LocalDate bornOnOrBefore, List<String> postalCodePrefixes) {

    public static final EligibilityRule EVERYONE = new EligibilityRule(null, null, List.of());

    public EligibilityRule {
        postalCodePrefixes = List.copyOf(postalCodePrefixes);
    }

    public EligibilityDecision decide(Applicant applicant) {
        if (bornOnOrBefore != null && applicant.birthDate().isAfter(bornOnOrBefore)) {
            return new EligibilityDecision.NotEligible(
                    EligibilityDecision.Reason.TOO_YOUNG,
                    "These appointments are for people born on or before " + bornOnOrBefore + ".");
        }
        if (bornOnOrAfter != null && applicant.birthDate().isBefore(bornOnOrAfter)) {
            return new EligibilityDecision.NotEligible(
                    EligibilityDecision.Reason.TOO_OLD,
                    "These appointments are for people born on or after " + bornOnOrAfter + ".");
        }
        if (!postalCodePrefixes.isEmpty()
                && postalCodePrefixes.stream().noneMatch(applicant.postalCode()::startsWith)) {
            return new EligibilityDecision.NotEligible(
                    EligibilityDecision.Reason.OUTSIDE_CATCHMENT_AREA,
                    "These appointments are for people living in postal areas " + String.join(", ", postalCodePrefixes)
                            + ".");
        }
        return new EligibilityDecision.Eligible();
    }

    /** Eligible only if every applicant is; otherwise the first refusal. */
    public EligibilityDecision decideAll(List<Applicant> applicants) {
        return applicants.stream()
                .map(this::decide)
                .filter(d -> !d.eligible())
                .findFirst()
                .orElse(new EligibilityDecision.Eligible());
    }
}
