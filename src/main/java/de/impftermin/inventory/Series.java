package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One appointment pair: the 1st dose and, for a two-dose vaccine, the 2nd at the same centre.
 *
 * @param eligibility the rule of the release the pair comes from; every person booked on it must meet it
 */
public record Series(
        long pairId,
        String centreId,
        Vaccine vaccine,
        Channel channel,
        Instant firstStartsAt,
        @Nullable Instant secondStartsAt,
        EligibilityRule eligibility) {}
