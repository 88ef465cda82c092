package de.impftermin.availability;

import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.Release;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One immutable version of the read side. {@code feedJson} is serialised once; {@code etag} depends only on the
 * data, so a client polling an unchanged feed gets 304s. {@code online} keeps the free series of the online contingent
 * per release rule, so that a citizen is offered only what every person of the booking may book. {@code releases} are
 * every release as read for this version, so that the portal's eligibility check answers from memory at the rush.
 */
public record Snapshot(
        long version,
        List<CentreSummary> centres,
        Feed feed,
        byte[] feedJson,
        String etag,
        List<OnlineSeries> online,
        List<Release> releases) {

    /** Free series of one open online release at a centre on a 1st-dose day, and who that release admits. */
    public record OnlineSeries(String centreId, LocalDate day, Vaccine vaccine, EligibilityRule rule, int free) {}

    /** Free series per 1st-dose day at the centre that every one of {@code persons} may book, by day. */
    public TreeMap<LocalDate, Integer> freeDaysFor(String centreId, List<Applicant> persons) {
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        for (OnlineSeries series : online) {
            if (series.centreId().equals(centreId)
                    && series.rule().decideAll(persons).eligible()) {
                days.merge(series.day(), series.free(), Integer::sum);
            }
        }
        return days;
    }

    /**
     * The rule of a release at the centre with at least {@code needed} free series on some day that does not admit
     * every one of {@code persons}: why a centre with free appointments is not offered to them.
     */
    public Optional<EligibilityRule> excludingRule(String centreId, List<Applicant> persons, int needed) {
        return online.stream()
                .filter(s -> s.centreId().equals(centreId) && s.free() >= needed)
                .map(OnlineSeries::rule)
                .filter(rule -> !rule.decideAll(persons).eligible())
                .findFirst();
    }

    /** The summary of one centre as this version shows it; 404 as a refusal where there is none. */
    public CentreSummary centre(String centreId) {
        return centres.stream()
                .filter(c -> c.id().equals(centreId))
                .findFirst()
                .orElseThrow(() -> de.impftermin.platform.Refusal.notFound("Centre"));
    }
}
