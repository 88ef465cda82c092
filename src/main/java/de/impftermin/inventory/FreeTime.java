package de.impftermin.inventory;

import de.impftermin.shared.Vaccine;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A 1st-dose start time at a centre with free series of the online contingent, and the earliest 2nd-dose appointment
 * such a series comes with (none for a single-dose vaccine).
 */
public record FreeTime(
        Instant firstStartsAt, Vaccine vaccine, @Nullable Instant earliestSecondStartsAt, int free) {}
