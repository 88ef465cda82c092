package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;

/** What a centre operator asks for: {@code series} series with 1st doses between the two dates. */
public record NewRelease(
        String centreId,
        Vaccine vaccine,
        LocalDate firstDoseFrom,
        LocalDate firstDoseTo,
        int series,
        Instant opensAt,
        Channel channel,
        EligibilityRule eligibility) {}
