package de.impftermin.operations.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.centres.OpeningDay;
import de.impftermin.operations.CentreWeeks;
import de.impftermin.operations.OpeningDayChange;
import de.impftermin.operations.WeekCopy;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's week planning beyond adding days: changing an opening day, copying a week. */
@Controller
class CentreWeeksConsoleController {

    private final Centres centres;
    private final CentreWeeks weeks;

    CentreWeeksConsoleController(Centres centres, CentreWeeks weeks) {
        this.centres = centres;
        this.weeks = weeks;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
    }

    @GetMapping("/staff/centre/{id}/opening-days/{date}")
    String openingDay(@PathVariable String id, @PathVariable LocalDate date, Model model) {
        Centre centre = centre(id);
        OpeningDay day =
                centres.openingDay(id, date).orElseThrow(() -> Refusal.notFound("Opening day " + id + " " + date));
        model.addAttribute("centre", centre);
        model.addAttribute("day", day);
        model.addAttribute("inTheWay", null);
        return "staff/centre/opening-day";
    }

    @PostMapping("/staff/centre/{id}/opening-days/{date}")
    String change(
            @PathVariable String id,
            @PathVariable LocalDate date,
            @RequestParam LocalTime opens,
            @RequestParam LocalTime closes,
            @RequestParam @Min(1) @Max(100) int lanes,
            @RequestParam @Min(1) @Max(240) int slotMinutes,
            Model model,
            RedirectAttributes redirect) {
        Centre centre = centre(id);
        OpeningDay wanted = new OpeningDay(id, date, opens, closes, lanes, slotMinutes);
        if (!wanted.hasValidHours()) {
            redirect.addFlashAttribute("planError", "INVALID_OPENING_HOURS");
            return "redirect:/staff/centre/" + id + "/plan?week=" + date;
        }
        OpeningDayChange change = weeks.change(wanted);
        switch (change) {
            case OpeningDayChange.Changed changed -> {
                redirect.addFlashAttribute("planDone", "DAY_CHANGED");
                redirect.addFlashAttribute("changedDay", date);
                redirect.addFlashAttribute("seatsAdded", changed.seatsAdded());
                redirect.addFlashAttribute("seatsRemoved", changed.seatsRemoved());
                redirect.addFlashAttribute("seriesWithdrawn", changed.seriesWithdrawn());
                return "redirect:/staff/centre/" + id + "/plan?week=" + date;
            }
            case OpeningDayChange.BookingsInTheWay inTheWay -> {
                model.addAttribute("centre", centre);
                model.addAttribute("day", wanted);
                model.addAttribute("inTheWay", inTheWay);
                return "staff/centre/opening-day";
            }
            case OpeningDayChange.NotOpen notOpen -> throw Refusal.notFound("Opening day " + id + " " + date);
        }
    }

    @PostMapping("/staff/centre/{id}/weeks/{week}/copy")
    String copyWeek(
            @PathVariable String id,
            @PathVariable LocalDate week,
            @RequestParam LocalDate to,
            RedirectAttributes redirect) {
        centre(id);
        WeekCopy copy = weeks.copyWeek(id, week, to);
        switch (copy) {
            case WeekCopy.Copied copied -> {
                redirect.addFlashAttribute("planDone", "WEEK_COPIED");
                redirect.addFlashAttribute("copiedDays", copied.days().size());
                return "redirect:/staff/centre/" + id + "/plan?week=" + to;
            }
            case WeekCopy.DaysExist exist -> {
                redirect.addFlashAttribute("planError", "OPENING_DAYS_EXIST");
                redirect.addFlashAttribute("existingDays", exist.days());
            }
            case WeekCopy.NothingToCopy nothing -> redirect.addFlashAttribute("planError", "NOTHING_TO_COPY");
        }
        return "redirect:/staff/centre/" + id + "/plan?week=" + week;
    }

    private Centre centre(String id) {
        CentreAccess.require(id);
        return centres.find(id).orElseThrow(() -> Refusal.notFound("Centre " + id));
    }
}
