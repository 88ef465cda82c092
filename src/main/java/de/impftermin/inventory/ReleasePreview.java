package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a release would create, worked out exactly as {@link Releases#create} works it out but without writing: the
 * series it would pair, per 1st-dose day and per 2nd-dose day, and the doses it takes from the ledger; or why it
 * would be refused ({@code code} as the API answers it).
 */
public sealed interface ReleasePreview {

    default boolean feasible() {
        return this instanceof Feasible;
    }

    /**
     * @param dosesAvailable confirmed doses arriving by the last 1st-dose day, less what earlier releases promised
     * @param dosesTaken what this release promises: series × doses per series
     */
    record Feasible(
            NewRelease wanted,
            int series,
            SortedMap<LocalDate, Integer> firstDoseDays,
            SortedMap<LocalDate, Integer> secondDoseDays,
            long dosesAvailable,
            long dosesTaken,
            EligibilityRule eligibility)
            implements ReleasePreview {

        public Feasible {
            firstDoseDays = Collections.unmodifiableSortedMap(new TreeMap<>(firstDoseDays));
            secondDoseDays = Collections.unmodifiableSortedMap(new TreeMap<>(secondDoseDays));
        }

        public long dosesLeft() {
            return dosesAvailable - dosesTaken;
        }
    }

    record Refused(NewRelease wanted, String code, String detail) implements ReleasePreview {}
}
