package de.impftermin.portal.web;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreStatus;
import de.impftermin.availability.CentreSummary;
import de.impftermin.availability.Snapshot;
import de.impftermin.booking.Bookings;
import de.impftermin.booking.HoldView;
import de.impftermin.booking.WantedAppointments;
import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.FreeTime;
import de.impftermin.inventory.Releases;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Vaccine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step 4: centre, then day (a calendar showing only days with enough free appointment pairs for the household), then
 * time; both doses are shown together. Holding the chosen time claims one pair per person, adjacent for a household.
 */
@Controller
class ChoiceController {

    /** A time to choose: the value posted, the 1st dose, and the earliest 2nd dose that comes with it. */
    record TimeOption(String value, FreeTime time) {}

    /** A centre with free appointments that are released for others only, and for whom, in plain words. */
    record NotForEveryone(CentreSummary centre, String releasedFor) {}

    private final AvailabilitySnapshots snapshots;
    private final Releases releases;
    private final Bookings bookings;
    private final Journey journey;
    private final PortalCookies cookies;
    private final MessageSource messages;
    private final Clock clock;

    ChoiceController(
            AvailabilitySnapshots snapshots,
            Releases releases,
            Bookings bookings,
            Journey journey,
            PortalCookies cookies,
            MessageSource messages,
            Clock clock) {
        this.snapshots = snapshots;
        this.releases = releases;
        this.bookings = bookings;
        this.journey = journey;
        this.cookies = cookies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/appointments")
    String centres(HttpServletRequest request, Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        List<Applicant> persons = cookies.flow(request).persons();
        int needed = persons.size();
        Snapshot snapshot = snapshots.current();
        List<CentreSummary> bookable = snapshot.centres().stream()
                .filter(c -> c.status() == CentreStatus.BOOKABLE)
                .sorted(java.util.Comparator.comparing(CentreSummary::county).thenComparing(CentreSummary::name))
                .toList();
        List<CentreSummary> centres = bookable.stream()
                .filter(c ->
                        snapshot.freeDaysFor(c.id(), persons).values().stream().anyMatch(n -> n >= needed))
                .toList();
        List<NotForEveryone> notForEveryone = bookable.stream()
                .filter(c -> !centres.contains(c))
                .flatMap(c -> snapshot.excludingRule(c.id(), persons, needed).stream()
                        .map(rule -> new NotForEveryone(c, releasedFor(rule))))
                .toList();
        model.addAttribute("centres", centres);
        model.addAttribute("notForEveryone", notForEveryone);
        model.addAttribute("needed", needed);
        return "portal/choose-centre";
    }

    @GetMapping("/appointments/{centreId}")
    String days(
            @PathVariable String centreId,
            @RequestParam(required = false) @Nullable String month,
            HttpServletRequest request,
            Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        CentreSummary centre = centre(centreId);
        List<Applicant> persons = cookies.flow(request).persons();
        int needed = persons.size();
        TreeMap<LocalDate, Integer> free = snapshots.current().freeDaysFor(centreId, persons);
        List<YearMonth> months = free.entrySet().stream()
                .filter(e -> e.getValue() >= needed)
                .map(e -> YearMonth.from(e.getKey()))
                .distinct()
                .toList();
        YearMonth shown =
                parseMonth(month).filter(months::contains).orElse(months.isEmpty() ? null : months.getFirst());
        model.addAttribute("centre", centre);
        model.addAttribute("needed", needed);
        model.addAttribute("months", months);
        model.addAttribute("calendar", shown == null ? null : CalendarMonth.of(shown, free, needed));
        model.addAttribute(
                "freeDays",
                free.entrySet().stream()
                        .filter(e -> e.getValue() >= needed)
                        .map(e -> new CalendarMonth.Day(e.getKey(), e.getValue(), true))
                        .toList());
        return "portal/choose-day";
    }

    @GetMapping("/appointments/{centreId}/{date}")
    String times(@PathVariable String centreId, @PathVariable String date, HttpServletRequest request, Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        return timesPage(centre(centreId), parseDate(date), request, new FormErrors(messages), model);
    }

    @PostMapping("/appointments/hold")
    String hold(
            @RequestParam String centreId,
            @RequestParam String date,
            @RequestParam(required = false) @Nullable String time,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        CentreSummary centre = centre(centreId);
        LocalDate day = parseDate(date);
        FormErrors errors = new FormErrors(messages);
        if (time == null || !time.matches("[0-9]{2}:[0-9]{2}\\|[a-z]+")) {
            errors.add("time", "choose.error.time.missing");
            response.setStatus(422);
            return timesPage(centre, day, request, errors, model);
        }
        String[] parts = time.split("\\|");
        try {
            HoldView hold = bookings.hold(
                    journey.token(request).orElse(null),
                    journey.pass(request).orElse(null),
                    new WantedAppointments(
                            centre.id(),
                            day,
                            LocalTime.parse(parts[0]),
                            Vaccine.find(parts[1]).orElse(null),
                            cookies.flow(request).persons()));
            return "redirect:/appointments/held/" + hold.id();
        } catch (Refusal refusal) {
            switch (refusal.code()) {
                case "VERIFICATION_REQUIRED" -> {
                    return "redirect:/verification";
                }
                case "ADMISSION_REQUIRED" -> {
                    return "redirect:/waiting-room";
                }
                case "NOT_ELIGIBLE" -> errors.add("time", "choose.error.notEligible");
                case "NO_APPOINTMENTS" -> errors.add("time", "choose.error.gone");
                default -> throw refusal;
            }
            response.setStatus(refusal.status().value());
            return timesPage(centre, day, request, errors, model);
        } catch (DateTimeParseException e) {
            throw Refusal.notFound("Time");
        }
    }

    private String timesPage(
            CentreSummary centre, LocalDate day, HttpServletRequest request, FormErrors errors, Model model) {
        Map<Integer, List<TimeOption>> byHour = byHour(releases.freeTimes(
                centre.id(), day, clock.instant(), cookies.flow(request).persons()));
        model.addAttribute("centre", centre);
        model.addAttribute("day", day);
        model.addAttribute("byHour", byHour);
        model.addAttribute("needed", cookies.flow(request).persons().size());
        model.addAttribute("errors", errors);
        return "portal/choose-time";
    }

    /** The times to choose by hour of the day; a time's value names its vaccine, as the hold form posts it. */
    static Map<Integer, List<TimeOption>> byHour(List<FreeTime> times) {
        return times.stream()
                .map(t -> new TimeOption(
                        BerlinTime.timeOf(t.firstStartsAt()) + "|" + t.vaccine().id(), t))
                .collect(Collectors.groupingBy(
                        o -> BerlinTime.timeOf(o.time().firstStartsAt()).getHour(), TreeMap::new, Collectors.toList()));
    }

    /** "born on or before 31.12.1941, postal codes 45…, 46…" in the page's language. */
    private String releasedFor(EligibilityRule rule) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> parts = new ArrayList<>();
        if (rule.bornOnOrBefore() != null) {
            parts.add(messages.getMessage(
                    "choose.centre.rule.bornOnOrBefore",
                    new Object[] {PortalFormats.INPUT_DATE.format(rule.bornOnOrBefore())},
                    locale));
        }
        if (rule.bornOnOrAfter() != null) {
            parts.add(messages.getMessage(
                    "choose.centre.rule.bornOnOrAfter",
                    new Object[] {PortalFormats.INPUT_DATE.format(rule.bornOnOrAfter())},
                    locale));
        }
        if (!rule.postalCodePrefixes().isEmpty()) {
            parts.add(messages.getMessage(
                    "choose.centre.rule.postalCodes",
                    new Object[] {
                        String.join(
                                ", ",
                                rule.postalCodePrefixes().stream()
                                        .map(p -> p + "…")
                                        .toList())
                    },
                    locale));
        }
        return String.join(", ", parts);
    }

    private CentreSummary centre(String centreId) {
        return snapshots.current().centre(centreId);
    }

    private static LocalDate parseDate(String date) {
        return PortalFormats.day(date);
    }

    private static Optional<YearMonth> parseMonth(@Nullable String month) {
        try {
            return month == null ? Optional.empty() : Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
