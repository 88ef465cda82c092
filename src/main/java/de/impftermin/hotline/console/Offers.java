package de.impftermin.hotline.console;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.inventory.FreeTime;
import de.impftermin.inventory.Invitations.Invitation;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.Releases;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The offers for a caller: the centres near a postal code (or of a county), and at each the free series on the wanted
 * day and time of day, PHONE contingent first, then ONLINE, counted only in open releases that admit every person of
 * the household and only at times with a series free for each of them (the hold then takes adjacent ones).
 */
@Component
class Offers {

    static final int MOST_CENTRES = 5;
    static final int MOST_TIMES = 6;

    /** What the caller asked for, checked. */
    record Search(
            String where,
            LocalDate day,
            TimeOfDay timeOfDay,
            @Nullable Vaccine vaccine,
            List<Applicant> persons,
            @Nullable Invitation invitation) {

        Search(String where, LocalDate day, TimeOfDay timeOfDay, @Nullable Vaccine vaccine, List<Applicant> persons) {
            this(where, day, timeOfDay, vaccine, persons, null);
        }
    }

    /** Free series at one 1st-dose time of one contingent. */
    record Offer(Channel channel, FreeTime time) {}

    record CentreOffers(Centre centre, List<Offer> invitation, List<Offer> phone, List<Offer> online) {
        boolean any() {
            return !invitation.isEmpty() || !phone.isEmpty() || !online.isEmpty();
        }

        /** The contingents with offers, in the order the agent offers them. */
        public List<List<Offer>> groups() {
            return java.util.stream.Stream.of(invitation, phone, online)
                    .filter(g -> !g.isEmpty())
                    .toList();
        }
    }

    /**
     * Centres with offers (nearest first), how many nearby centres had none, each person's eligibility, and the
     * invitation the search was limited to.
     */
    record Answer(
            List<CentreOffers> centres,
            int centresWithout,
            HouseholdEligibility.Answer eligibility,
            @Nullable Invitation invitation) {}

    private final Centres centres;
    private final Releases releases;
    private final Clock clock;

    Offers(Centres centres, Releases releases, Clock clock) {
        this.centres = centres;
        this.releases = releases;
        this.clock = clock;
    }

    Answer find(Search search) {
        if (search.invitation() != null) {
            return invited(search, search.invitation());
        }
        Instant now = clock.instant();
        List<Centre> near = near(search.where());
        List<Release> candidates = new ArrayList<>();
        List<CentreOffers> found = new ArrayList<>();
        int without = 0;
        for (Centre centre : near) {
            List<Release> open = releases.ofCentre(centre.id()).stream()
                    .filter(r -> r.isOpenAt(now))
                    .filter(r -> search.vaccine() == null || r.vaccine() == search.vaccine())
                    .filter(r -> !r.firstDoseFrom().isAfter(search.day())
                            && !r.firstDoseTo().isBefore(search.day()))
                    .toList();
            candidates.addAll(open);
            List<Long> admitting = open.stream()
                    .filter(r -> r.eligibility().decideAll(search.persons()).eligible())
                    .map(Release::id)
                    .toList();
            CentreOffers offers = new CentreOffers(
                    centre,
                    List.of(),
                    offers(centre, Channel.PHONE, admitting, search, now),
                    offers(centre, Channel.ONLINE, admitting, search, now));
            if (offers.any()) {
                found.add(offers);
            } else {
                without++;
            }
        }
        return new Answer(found, without, HouseholdEligibility.decide(search.persons(), candidates), null);
    }

    /** With an invitation code: only its release, at its centre, from the INVITATION contingent. */
    private Answer invited(Search search, Invitation invitation) {
        Instant now = clock.instant();
        Release release = invitation.release();
        Centre centre = centres.find(release.centreId()).orElseThrow();
        boolean open = release.isOpenAt(now)
                && release.eligibility().decideAll(search.persons()).eligible();
        CentreOffers offers = new CentreOffers(
                centre,
                open ? offers(centre, Channel.INVITATION, List.of(release.id()), search, now) : List.of(),
                List.of(),
                List.of());
        return new Answer(
                offers.any() ? List.of(offers) : List.of(),
                offers.any() ? 0 : 1,
                HouseholdEligibility.decide(search.persons(), List.of(release)),
                invitation);
    }

    private List<Offer> offers(Centre centre, Channel channel, List<Long> releaseIds, Search search, Instant now) {
        return releases.freeTimes(centre.id(), search.day(), channel, releaseIds, now).stream()
                .filter(t -> t.free() >= search.persons().size())
                .filter(t -> search.timeOfDay().includes(BerlinTime.timeOf(t.firstStartsAt())))
                .limit(MOST_TIMES)
                .map(t -> new Offer(channel, t))
                .toList();
    }

    /** A postal code: the centres sharing most of its leading digits, then numerically closest; a county: its centres. */
    private List<Centre> near(String where) {
        List<Centre> all = centres.all();
        if (where.matches("[0-9]{5}")) {
            int wanted = Integer.parseInt(where);
            return all.stream()
                    .sorted(Comparator.comparingInt((Centre c) -> -sharedDigits(where, c.postalCode()))
                            .thenComparingInt(c -> Math.abs(number(c.postalCode()) - wanted))
                            .thenComparing(Centre::name))
                    .limit(MOST_CENTRES)
                    .toList();
        }
        String county = where.toLowerCase(Locale.GERMAN);
        return all.stream()
                .filter(c -> c.county().toLowerCase(Locale.GERMAN).contains(county))
                .sorted(Comparator.comparing(Centre::name))
                .limit(MOST_CENTRES * 2L)
                .toList();
    }

    private static int sharedDigits(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int number(String postalCode) {
        return postalCode.matches("[0-9]{1,9}") ? Integer.parseInt(postalCode) : Integer.MAX_VALUE / 2;
    }
}
