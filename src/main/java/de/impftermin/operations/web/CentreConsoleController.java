package de.impftermin.operations.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.centres.OpeningDay;
import de.impftermin.operations.CentreDay;
import de.impftermin.operations.CentrePlan;
import de.impftermin.operations.DayCancellationJob;
import de.impftermin.operations.DayCancellationRunner;
import de.impftermin.operations.DayCancellations;
import de.impftermin.operations.DayListEntry;
import de.impftermin.operations.MarkResult;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.StatedReason;
import de.impftermin.shared.Vaccine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The centre console: pick a centre, the day list (search, print view, CSV), marking appointments with POST forms,
 * and cancelling a day with a preview first. Access to a centre is checked by the module API (403 for a centre the
 * operator does not run).
 */
@Controller
class CentreConsoleController {

    private final Centres centres;
    private final CentreDay centreDay;
    private final DayCancellations cancellations;
    private final DayCancellationRunner runner;
    private final CentrePlan plan;

    CentreConsoleController(
            Centres centres,
            CentreDay centreDay,
            DayCancellations cancellations,
            DayCancellationRunner runner,
            CentrePlan plan) {
        this.plan = plan;
        this.centres = centres;
        this.centreDay = centreDay;
        this.cancellations = cancellations;
        this.runner = runner;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
    }

    @GetMapping("/staff/centre")
    String centres(Authentication auth, Model model) {
        boolean admin =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        List<Centre> mine = centres.all().stream()
                .filter(c -> admin
                        || auth.getAuthorities().stream()
                                .anyMatch(a -> a.getAuthority().equals("CENTRE_" + c.id())))
                .toList();
        model.addAttribute("centres", mine);
        model.addAttribute("today", LocalDate.now(BerlinTime.ZONE));
        return "staff/centre/centres";
    }

    @GetMapping("/staff/centre/{id}")
    String day(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String print,
            Model model) {
        Centre centre = centre(id);
        LocalDate day = date == null ? LocalDate.now(BerlinTime.ZONE) : date;
        String search = q == null ? "" : q.strip();
        List<DayListEntry> entries = centreDay.appointments(id, day).stream()
                .filter(e -> matches(e, search))
                .toList();
        model.addAttribute("centre", centre);
        model.addAttribute("day", day);
        model.addAttribute("today", LocalDate.now(BerlinTime.ZONE));
        model.addAttribute("q", search);
        model.addAttribute("entries", entries);
        model.addAttribute("print", print != null);
        return "staff/centre/day";
    }

    @GetMapping("/staff/centre/{id}/days/{date}/csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @PathVariable LocalDate date) {
        centre(id);
        return ResponseEntity.ok()
                .contentType(CentreDayController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-" + date + ".csv\"")
                .body(DayListCsv.write(centreDay.appointments(id, date)));
    }

    @PostMapping("/staff/centre/{id}/appointments/{reference}/{mark}")
    String mark(
            @PathVariable String id,
            @PathVariable String reference,
            @PathVariable String mark,
            @RequestParam LocalDate date,
            @RequestParam(required = false) @Nullable String lot,
            RedirectAttributes redirect) {
        CentreDay.Mark what = switch (mark) {
            case "check-in" -> CentreDay.Mark.CHECK_IN;
            case "vaccinated" -> CentreDay.Mark.VACCINATED;
            case "no-show" -> CentreDay.Mark.NO_SHOW;
            case "undo" -> CentreDay.Mark.UNDO;
            default -> throw Refusal.notFound("Action " + mark);
        };
        MarkResult result = centreDay.mark(reference, what, lot == null || lot.isBlank() ? null : lot.strip());
        switch (result) {
            case MarkResult.Marked marked -> {
                redirect.addFlashAttribute(
                        "markedName",
                        marked.appointment().firstName() + " "
                                + marked.appointment().lastName());
                redirect.addFlashAttribute(
                        "markedStatus", marked.appointment().status().name());
            }
            case MarkResult.NotFound notFound -> redirect.addFlashAttribute("refused", "NOT_FOUND");
            case MarkResult.Refused refused -> redirect.addFlashAttribute("refused", "STATE");
        }
        return "redirect:/staff/centre/" + id + "?date=" + date + "#list";
    }

    @PostMapping("/staff/centre/{id}/days/{date}/cancel-preview")
    String cancelPreview(
            @PathVariable String id,
            @PathVariable LocalDate date,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String reasonEn,
            Model model) {
        model.addAttribute("centre", centre(id));
        model.addAttribute("day", date);
        model.addAttribute("reason", reason.strip());
        model.addAttribute("reasonEn", reasonEn.strip());
        model.addAttribute("reasonMissing", reason.isBlank());
        model.addAttribute("preview", cancellations.preview(id, date));
        return "staff/centre/cancel";
    }

    @PostMapping("/staff/centre/{id}/days/{date}/cancel")
    String cancel(
            @PathVariable String id,
            @PathVariable LocalDate date,
            @RequestParam String reason,
            @RequestParam(defaultValue = "") String reasonEn) {
        centre(id);
        if (reason.isBlank() || reason.length() > 500 || reasonEn.length() > 500) {
            return "redirect:/staff/centre/" + id + "?date=" + date;
        }
        UUID job = cancellations.start(id, date, new StatedReason(reason, reasonEn));
        runner.launch(job);
        return "redirect:/staff/centre/jobs/" + job;
    }

    @GetMapping("/staff/centre/jobs/{job}")
    String job(@PathVariable UUID job, Model model) {
        DayCancellationJob found = cancellations.find(job).orElseThrow(() -> Refusal.notFound("Job " + job));
        model.addAttribute("job", found);
        model.addAttribute("centre", centre(found.centreId()));
        return "staff/centre/job";
    }

    @GetMapping("/staff/centre/{id}/plan")
    String plan(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
            Model model) {
        Centre centre = centre(id);
        LocalDate anyDay = week == null ? LocalDate.now(BerlinTime.ZONE) : week;
        model.addAttribute("centre", centre);
        model.addAttribute("week", plan.week(id, anyDay));
        model.addAttribute("previousWeek", anyDay.minusWeeks(1));
        model.addAttribute("nextWeek", anyDay.plusWeeks(1));
        model.addAttribute("ledger", plan.ledger(id));
        model.addAttribute("vaccines", Vaccine.values());
        if (!model.containsAttribute("planError")) {
            model.addAttribute("planError", null);
        }
        return "staff/centre/plan";
    }

    @PostMapping("/staff/centre/{id}/opening-days")
    String addOpeningDay(
            @PathVariable String id,
            @RequestParam LocalDate date,
            @RequestParam LocalTime opens,
            @RequestParam LocalTime closes,
            @RequestParam @Min(1) @Max(100) int lanes,
            @RequestParam @Min(1) @Max(240) int slotMinutes,
            RedirectAttributes redirect) {
        centre(id);
        try {
            plan.addOpeningDay(new OpeningDay(id, date, opens, closes, lanes, slotMinutes));
            redirect.addFlashAttribute("planDone", "OPENING_DAY");
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("planError", refusal.code());
        }
        return "redirect:/staff/centre/" + id + "/plan?week=" + date;
    }

    @PostMapping("/staff/centre/{id}/deliveries")
    String addDelivery(
            @PathVariable String id,
            @RequestParam Vaccine vaccine,
            @RequestParam @Min(1) @Max(1_000_000) int doses,
            @RequestParam LocalDate arrives,
            RedirectAttributes redirect) {
        centre(id);
        plan.addDelivery(id, vaccine, doses, arrives);
        redirect.addFlashAttribute("planDone", "DELIVERY");
        return "redirect:/staff/centre/" + id + "/plan#ledger";
    }

    private Centre centre(String id) {
        CentreAccess.require(id);
        return centres.find(id).orElseThrow(() -> Refusal.notFound("Centre " + id));
    }

    private static boolean matches(DayListEntry e, String search) {
        if (search.isEmpty()) {
            return true;
        }
        String s = search.toLowerCase(Locale.GERMAN);
        return (e.firstName() + " " + e.lastName()).toLowerCase(Locale.GERMAN).contains(s)
                || (e.lastName() + ", " + e.firstName())
                        .toLowerCase(Locale.GERMAN)
                        .contains(s)
                || e.bookingCode().toLowerCase(Locale.GERMAN).contains(s);
    }
}
