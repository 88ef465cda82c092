package de.impftermin.waitlist.domain;

import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Vaccine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which free series a registration fits: one series per person, every person eligible under the series' release rule,
 * at one of its centres, of its vaccine if it named one; a household's series are adjacent: the same centre, vaccine
 * and day, their 1st doses at most {@link #ADJACENT} apart (side by side in parallel lanes or neighbouring slots).
 * Of the series that fit, the earliest are chosen.
 */
public final class Matching {

    /** The widest span of a household's 1st-dose times that still counts as "together". */
    public static final Duration ADJACENT = Duration.ofMinutes(30);

    private Matching() {}

    /** A free series as the rule sees it. */
    public record Candidate(
            long pairId, String centreId, Vaccine vaccine, Instant firstStartsAt, EligibilityRule rule) {}

    /** What a registration wants. */
    public record Wish(
            List<Applicant> persons,
            Set<String> centreIds,
            @Nullable Vaccine vaccine) {}

    /** The series for the wish in person order, or empty when none fit; {@code pool} is read, never changed. */
    public static Optional<List<Candidate>> pick(Collection<Candidate> pool, Wish wish) {
        List<Candidate> fitting = pool.stream()
                .filter(c -> wish.centreIds().contains(c.centreId()))
                .filter(c -> wish.vaccine() == null || c.vaccine() == wish.vaccine())
                .filter(c -> c.rule().decideAll(wish.persons()).eligible())
                .sorted(Comparator.comparing(Candidate::firstStartsAt).thenComparing(Candidate::pairId))
                .toList();
        int k = wish.persons().size();
        for (int i = 0; i + k <= fitting.size(); i++) {
            Candidate first = fitting.get(i);
            List<Candidate> together = new ArrayList<>(k);
            together.add(first);
            for (int j = i + 1; j < fitting.size() && together.size() < k; j++) {
                Candidate next = fitting.get(j);
                if (next.firstStartsAt().isAfter(first.firstStartsAt().plus(ADJACENT))) {
                    break;
                }
                if (sameGroup(first, next)) {
                    together.add(next);
                }
            }
            if (together.size() == k) {
                return Optional.of(List.copyOf(together));
            }
        }
        return Optional.empty();
    }

    private static boolean sameGroup(Candidate a, Candidate b) {
        return a.centreId().equals(b.centreId())
                && a.vaccine() == b.vaccine()
                && BerlinTime.dayOf(a.firstStartsAt()).equals(BerlinTime.dayOf(b.firstStartsAt()));
    }
}
