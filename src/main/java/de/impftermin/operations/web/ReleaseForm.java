package de.impftermin.operations.web;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.NewRelease;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The console's release form: when and for whom, opening at a day and time in Berlin, PHONE with an optional spill
 * instant, the cohort as a birth-date range and the catchment as postal-code prefixes separated by commas or spaces.
 */
record ReleaseForm(
        @NotNull Vaccine vaccine,
        @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate firstDoseFrom,
        @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate firstDoseTo,
        @NotNull @Min(1) @Max(1_000_000) Integer series,
        @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate opensOn,
        @NotNull @DateTimeFormat(iso = ISO.TIME) LocalTime opensAt,
        @NotNull Channel channel,
        @Nullable @DateTimeFormat(iso = ISO.DATE) LocalDate spillOn,
        @Nullable @DateTimeFormat(iso = ISO.TIME) LocalTime spillAt,
        @Nullable @DateTimeFormat(iso = ISO.DATE) LocalDate bornOnOrAfter,
        @Nullable @DateTimeFormat(iso = ISO.DATE) LocalDate bornOnOrBefore,
        @Nullable @Pattern(regexp = "[0-9 ,]{0,300}") String postalCodes) {

    /** The prefixes as typed, without separators. */
    List<String> prefixes() {
        return postalCodes == null
                ? List.of()
                : Arrays.stream(postalCodes.split("[ ,]+"))
                        .filter(p -> !p.isEmpty())
                        .map(p -> p.length() > 5 ? p.substring(0, 5) : p)
                        .distinct()
                        .toList();
    }

    NewRelease toRelease(String centreId) {
        return new NewRelease(
                centreId,
                vaccine,
                firstDoseFrom,
                firstDoseTo,
                series,
                BerlinTime.at(opensOn, opensAt),
                channel,
                new EligibilityRule(bornOnOrAfter, bornOnOrBefore, prefixes()),
                spillOn == null || channel == Channel.ONLINE
                        ? null
                        : BerlinTime.at(spillOn, spillAt == null ? LocalTime.of(8, 0) : spillAt));
    }
}
