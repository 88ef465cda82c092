package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A release as other modules see it. {@code series} is what was actually paired, at most what was asked for. A PHONE
 * release with {@code spillAt} offers its unbooked series online from that instant; {@code spilledAt} is when the
 * spill job moved them (the centre list counts them as ONLINE from then on).
 */
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
        EligibilityRule eligibility,
        @Nullable Instant spillAt,
        @Nullable Instant spilledAt) {

    public Release(
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
        this(
                id,
                centreId,
                vaccine,
                firstDoseFrom,
                firstDoseTo,
                seriesRequested,
                series,
                opensAt,
                channel,
                eligibility,
                null,
                null);
    }

    /** Whether its series are for {@code wanted} at {@code now}: its own channel, or ONLINE once it has spilled. */
    public boolean offers(Channel wanted, Instant now) {
        boolean spilled = spilledAt != null || (spillAt != null && !spillAt.isAfter(now));
        return channel == wanted || (wanted == Channel.ONLINE && spilled);
    }

    public boolean isOpenAt(Instant now) {
        return !opensAt.isAfter(now);
    }
}
