package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;

/** A release as other modules see it. {@code series} is what was actually paired, at most what was asked for. */
public record Release(
        long id,
        String centreId,
        Vaccine vaccine,
        LocalDate firstDoseFrom,
        LocalDate firstDoseTo,
        int seriesRequested,
        int series,
        Instant opensAt,
        Channel channel,
        EligibilityRule eligibility) {

    public boolean isOpenAt(Instant now) {
        return !opensAt.isAfter(now);
    }
}
