package de.impftermin.portal.web;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreStatus;
import de.impftermin.availability.CentreSummary;
import de.impftermin.availability.Snapshot;
import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityDecision;
import de.impftermin.inventory.Release;
import de.impftermin.shared.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers "may we book, and if not, why and when?" for up to four people against the online releases of the region:
 * bookable now where an open release with free appointments admits everyone; later where an announced release does
 * (with its opening time); otherwise the reason per person, in words the page can show.
 */
@Component
class EligibilityCheck {

    enum Verdict {
        NOW,
        LATER,
        NOT_TOGETHER,
        NOT_ELIGIBLE,
        NOTHING_OPEN
    }

    /** The answer; {@code opensAt} for LATER, {@code reasons[i]} for person i (null where that person may book). */
    record Answer(Verdict verdict, @Nullable Instant opensAt, List<@Nullable Reason> reasons) {}

    /** Why one person may not book: the rule's reason and the most generous limit of that kind. */
    record Reason(
            EligibilityDecision.Reason reason, @Nullable LocalDate limit, List<String> postalCodePrefixes) {}

    private final AvailabilitySnapshots snapshots;
    private final Clock clock;

    EligibilityCheck(AvailabilitySnapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    Answer check(List<Applicant> persons) {
        Instant now = clock.instant();
        Snapshot snapshot = snapshots.current();
        Set<String> bookable = snapshot.centres().stream()
                .filter(c -> c.status() == CentreStatus.BOOKABLE)
                .map(CentreSummary::id)
                .collect(Collectors.toSet());
        Set<String> phoneOnly = snapshot.centres().stream()
                .filter(c -> c.status() == CentreStatus.PHONE_ONLY)
                .map(CentreSummary::id)
                .collect(Collectors.toSet());
        List<Release> open = new ArrayList<>();
        List<Release> coming = new ArrayList<>();
        for (Release r : snapshot.releases()) {
            if (r.channel() != Channel.ONLINE || phoneOnly.contains(r.centreId())) {
                continue;
            }
            if (r.isOpenAt(now) && bookable.contains(r.centreId())) {
                open.add(r);
            } else if (!r.isOpenAt(now)) {
                coming.add(r);
            }
        }
        return answer(persons, open, coming);
    }

    /** The answer for these persons, given the releases open now (with free appointments) and those announced. */
    static Answer answer(List<Applicant> persons, List<Release> open, List<Release> coming) {
        List<@Nullable Reason> none = new ArrayList<>();
        persons.forEach(p -> none.add(null));
        if (open.stream().anyMatch(r -> r.eligibility().decideAll(persons).eligible())) {
            return new Answer(Verdict.NOW, null, none);
        }
        Optional<Instant> later = coming.stream()
                .filter(r -> r.eligibility().decideAll(persons).eligible())
                .map(Release::opensAt)
                .min(Comparator.naturalOrder());
        if (later.isPresent()) {
            return new Answer(Verdict.LATER, later.get(), none);
        }
        List<Release> candidates = new ArrayList<>(open);
        candidates.addAll(coming);
        if (candidates.isEmpty()) {
            return new Answer(Verdict.NOTHING_OPEN, null, none);
        }
        List<@Nullable Reason> reasons =
                persons.stream().map(p -> reasonFor(p, candidates)).toList();
        boolean everyoneAlone = reasons.stream().allMatch(r -> r == null);
        return new Answer(everyoneAlone ? Verdict.NOT_TOGETHER : Verdict.NOT_ELIGIBLE, null, reasons);
    }

    private static @Nullable Reason reasonFor(Applicant person, List<Release> candidates) {
        List<EligibilityDecision.NotEligible> refusals = new ArrayList<>();
        for (Release r : candidates) {
            if (r.eligibility().decide(person) instanceof EligibilityDecision.NotEligible no) {
                refusals.add(no);
            } else {
                return null;
            }
        }
        EligibilityDecision.Reason reason = refusals.getFirst().reason();
        return switch (reason) {
            case TOO_YOUNG ->
                new Reason(
                        reason,
                        candidates.stream()
                                .map(r -> r.eligibility().bornOnOrBefore())
                                .filter(d -> d != null)
                                .max(Comparator.naturalOrder())
                                .orElse(null),
                        List.of());
            case TOO_OLD ->
                new Reason(
                        reason,
                        candidates.stream()
                                .map(r -> r.eligibility().bornOnOrAfter())
                                .filter(d -> d != null)
                                .min(Comparator.naturalOrder())
                                .orElse(null),
                        List.of());
            case OUTSIDE_CATCHMENT_AREA ->
                new Reason(
                        reason,
                        null,
                        candidates.stream()
                                .flatMap(r -> r.eligibility().postalCodePrefixes().stream())
                                .distinct()
                                .sorted()
                                .toList());
        };
    }
}
