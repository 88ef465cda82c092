package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a centre operator asks for: {@code series} series with 1st doses between the two dates. A PHONE release may
 * name {@code spillAt}, from when its unbooked series are ONLINE.
 */
public record NewRelease(
        String centreId,
        Vaccine vaccine,
        LocalDate firstDoseFrom,
        LocalDate firstDoseTo,
        int series,
        Instant opensAt,
        Channel channel,
        EligibilityRule eligibility,
        @Nullable Instant spillAt) {

    public NewRelease(
            String centreId,
            Vaccine vaccine,
            LocalDate firstDoseFrom,
            LocalDate firstDoseTo,
            int series,
            Instant opensAt,
            Channel channel,
            EligibilityRule eligibility) {
        this(centreId, vaccine, firstDoseFrom, firstDoseTo, series, opensAt, channel, eligibility, null);
    }
}
