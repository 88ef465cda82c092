package de.impftermin.demo;

import de.impftermin.booking.Bookings;
import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.booking.WantedAppointments;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.centres.OpeningDay;
import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.NewRelease;
import de.impftermin.inventory.Releases;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the demo region through the modules' public APIs, exactly as staff would through the admin API. */
class DemoRegion {

    private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);
    private static final LocalDate BORN_1941_OR_EARLIER = LocalDate.of(1941, 12, 31);
    private static final LocalDate BORN_1961_OR_EARLIER = LocalDate.of(1961, 12, 31);

    private record Site(String slug, String name, String county, String postalCode, String address) {}

    private static final List<Site> SITES = List.of(
            new Site("bielefeld", "Impfzentrum Bielefeld", "Bielefeld", "33602", "Stadthalle, Willy-Brandt-Platz 1"),
            new Site("bochum", "Impfzentrum Bochum", "Bochum", "44791", "RuhrCongress, Stadionring 20"),
            new Site("bottrop", "Impfzentrum Bottrop", "Bottrop", "46236", "Saalbau, Droste-Hülshoff-Platz"),
            new Site("dortmund", "Impfzentrum Dortmund", "Dortmund", "44139", "Westfalenhallen, Halle 3B"),
            new Site("gelsenkirchen", "Impfzentrum Gelsenkirchen", "Gelsenkirchen", "45879", "Emscher-Lippe-Halle"),
            new Site("hagen", "Impfzentrum Hagen", "Hagen", "58095", "Stadthalle, Wasserloses Tal 2"),
            new Site("hamm", "Impfzentrum Hamm", "Hamm", "59065", "Zentralhallen, Ökonomierat-Peitzmeier-Platz"),
            new Site("herne", "Impfzentrum Herne", "Herne", "44623", "Kulturzentrum, Willi-Pohlmann-Platz 1"),
            new Site("muenster", "Impfzentrum Münster", "Münster", "48155", "Halle Münsterland, Albersloher Weg 32"),
            new Site("borken", "Impfzentrum Kreis Borken", "Kreis Borken", "46325", "Stadthalle Vennehof"),
            new Site("coesfeld", "Impfzentrum Kreis Coesfeld", "Kreis Coesfeld", "48653", "Bürgerhalle, Osterwick"),
            new Site(
                    "ennepe-ruhr",
                    "Impfzentrum Ennepe-Ruhr-Kreis",
                    "Ennepe-Ruhr-Kreis",
                    "58332",
                    "Ehemaliges Hallenbad, Schwelm"),
            new Site(
                    "guetersloh",
                    "Impfzentrum Kreis Gütersloh",
                    "Kreis Gütersloh",
                    "33330",
                    "Stadthalle, Friedrichstraße 10"),
            new Site("herford", "Impfzentrum Kreis Herford", "Kreis Herford", "32049", "Schützenhof, Vlothoer Straße"),
            new Site(
                    "hochsauerland",
                    "Impfzentrum Hochsauerlandkreis",
                    "Hochsauerlandkreis",
                    "59872",
                    "Schützenhalle Meschede"),
            new Site("hoexter", "Impfzentrum Kreis Höxter", "Kreis Höxter", "37671", "Stadthalle Brakel"),
            new Site("lippe", "Impfzentrum Kreis Lippe", "Kreis Lippe", "32756", "Hangar 21, Detmold"),
            new Site(
                    "maerkischer-kreis",
                    "Impfzentrum Märkischer Kreis",
                    "Märkischer Kreis",
                    "58636",
                    "Schützenhalle Iserlohn"),
            new Site(
                    "minden-luebbecke",
                    "Impfzentrum Kreis Minden-Lübbecke",
                    "Kreis Minden-Lübbecke",
                    "32423",
                    "Kampa-Halle Minden"),
            new Site("olpe", "Impfzentrum Kreis Olpe", "Kreis Olpe", "57462", "Stadthalle Attendorn"),
            new Site("paderborn", "Impfzentrum Kreis Paderborn", "Kreis Paderborn", "33102", "Schützenhof, Paderborn"),
            new Site(
                    "recklinghausen",
                    "Impfzentrum Kreis Recklinghausen",
                    "Kreis Recklinghausen",
                    "45657",
                    "Vestlandhalle"),
            new Site(
                    "siegen-wittgenstein",
                    "Impfzentrum Kreis Siegen-Wittgenstein",
                    "Kreis Siegen-Wittgenstein",
                    "57072",
                    "Siegerlandhalle"),
            new Site("soest", "Impfzentrum Kreis Soest", "Kreis Soest", "59494", "Stadthalle Soest"),
            new Site("steinfurt", "Impfzentrum Kreis Steinfurt", "Kreis Steinfurt", "48565", "Messehalle Rheine"),
            new Site("unna", "Impfzentrum Kreis Unna", "Kreis Unna", "59423", "Gesundheitscampus, Unna"),
            new Site("warendorf", "Impfzentrum Kreis Warendorf", "Kreis Warendorf", "48231", "Sporthalle Ennigerloh"));

    private static final String PHONE_ONLY = "hoexter";
    private static final String WITHOUT_RELEASE = "olpe";
    private static final String FULLY_BOOKED = "herne";

    private final Centres centres;
    private final Releases releases;
    private final Bookings bookings;
    private final Clock clock;

    DemoRegion(Centres centres, Releases releases, Bookings bookings, Clock clock) {
        this.centres = centres;
        this.releases = releases;
        this.bookings = bookings;
        this.clock = clock;
    }

    void load() {
        LocalDate today = BerlinTime.dayOf(clock.instant());
        LocalDate firstDay = today.plusDays(1);
        Instant nextEight = nextEightOClock();
        for (int i = 0; i < SITES.size(); i++) {
            Site site = SITES.get(i);
            String id = "wl-" + site.slug();
            boolean phoneOnly = site.slug().equals(PHONE_ONLY);
            centres.create(new Centre(
                    id,
                    site.name(),
                    site.county(),
                    site.postalCode(),
                    site.address(),
                    phoneOnly,
                    phoneOnly ? "0800 116 117 2" : null));
            int weeks = site.slug().equals("muenster") ? 13 : 8;
            for (LocalDate day = firstDay; day.isBefore(firstDay.plusWeeks(weeks)); day = day.plusDays(1)) {
                if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    centres.addOpeningDay(new OpeningDay(id, day, LocalTime.of(9, 0), LocalTime.of(18, 0), 3, 10));
                }
            }
            centres.addDelivery(id, Vaccine.COMIRNATY, 4000, today);
            if (site.slug().equals(WITHOUT_RELEASE) || site.slug().equals(FULLY_BOOKED)) {
                continue;
            }
            if (phoneOnly) {
                release(id, Vaccine.COMIRNATY, firstDay, 400, clock.instant(), Channel.PHONE, EligibilityRule.EVERYONE);
                continue;
            }
            boolean oldestFirst = i % 3 == 0;
            EligibilityRule cohort =
                    new EligibilityRule(null, oldestFirst ? BORN_1941_OR_EARLIER : BORN_1961_OR_EARLIER, List.of());
            if (i % 4 == 1) {
                release(id, Vaccine.COMIRNATY, firstDay, 500, nextEight, Channel.ONLINE, cohort);
            } else {
                release(id, Vaccine.COMIRNATY, firstDay, 500, clock.instant(), Channel.ONLINE, cohort);
                release(id, Vaccine.COMIRNATY, firstDay.plusDays(7), 300, nextEight, Channel.ONLINE, cohort);
            }
            release(id, Vaccine.COMIRNATY, firstDay, 100, clock.instant(), Channel.PHONE, cohort);
        }
        vaxzevriaContingentInMuenster(today, firstDay);
        bookOut("wl-" + FULLY_BOOKED, firstDay);
        log.info("Loaded the demo region Westfalen-Lippe: {} centres", SITES.size());
    }

    /** The 2021 special contingent: AstraZeneca for people of 60 and over from the city's catchment area. */
    private void vaxzevriaContingentInMuenster(LocalDate today, LocalDate firstDay) {
        centres.addDelivery("wl-muenster", Vaccine.VAXZEVRIA, 1000, today);
        release(
                "wl-muenster",
                Vaccine.VAXZEVRIA,
                firstDay.plusDays(1),
                300,
                clock.instant(),
                Channel.ONLINE,
                new EligibilityRule(null, BORN_1961_OR_EARLIER, List.of("48")));
    }

    /** A centre whose only release is booked out (by phone), so that "ausgebucht" can be seen. */
    private void bookOut(String centreId, LocalDate firstDay) {
        release(centreId, Vaccine.COMIRNATY, firstDay, 4, clock.instant(), Channel.ONLINE, EligibilityRule.EVERYONE);
        for (int n = 0; n < 4; n++) {
            LocalDate birth = LocalDate.of(1935 + n, 3, 1 + n);
            bookings.bookByPhone(
                    "demo",
                    null,
                    new WantedAppointments(
                            centreId,
                            firstDay,
                            LocalTime.of(9, 0),
                            Vaccine.COMIRNATY,
                            List.of(new Applicant(birth, "44623"))),
                    List.of(new PersonDetails("Demo", "Person " + (n + 1), birth, "44623")),
                    new Contact(null, "demo" + (n + 1) + "@impftermin.example"));
        }
    }

    private void release(
            String centreId,
            Vaccine vaccine,
            LocalDate from,
            int series,
            Instant opensAt,
            Channel channel,
            EligibilityRule rule) {
        releases.create(new NewRelease(centreId, vaccine, from, from.plusDays(6), series, opensAt, channel, rule));
    }

    private Instant nextEightOClock() {
        Instant now = clock.instant();
        LocalDate day = BerlinTime.dayOf(now);
        Instant today = BerlinTime.at(day, LocalTime.of(8, 0));
        return today.isAfter(now) ? today : BerlinTime.at(day.plusDays(1), LocalTime.of(8, 0));
    }
}
