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
 * spill job moved them (the centre list counts them as ONLINE from then on). A paused release ({@code pausedAt})
 * offers nothing new, its holds and bookings stay; a withdrawn one ({@code withdrawnAt}, always paused too) has given
 * its unbooked series back ({@code seriesWithdrawn} of {@code series}, their doses back in the ledger).
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
        @Nullable Instant spilledAt,
        @Nullable Instant pausedAt,
        @Nullable Instant withdrawnAt,
        int seriesWithdrawn) {

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
                null,
                null,
                null,
                0);
    }

    /** Whether its series are for {@code wanted} at {@code now}: its own channel, or ONLINE once it has spilled. */
    public boolean offers(Channel wanted, Instant now) {
        boolean spilled = spilledAt != null || (spillAt != null && !spillAt.isAfter(now));
        return channel == wanted || (wanted == Channel.ONLINE && spilled);
    }

    /** Whether it offers its series at {@code now}: opened and not paused. */
    public boolean isOpenAt(Instant now) {
        return !opensAt.isAfter(now) && pausedAt == null;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** The series it still has: those paired, less those withdrawn again. */
    public int seriesLeft() {
        return series - seriesWithdrawn;
    }
}
