package de.impftermin.hotline.console;

import de.impftermin.booking.HoldView;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.booking.WantedAppointments;
import de.impftermin.eligibility.Applicant;
import de.impftermin.hotline.CallBackQueueStats;
import de.impftermin.hotline.CallBacks;
import de.impftermin.inventory.Invitations;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's home: the caller card (household, wanted day, time of day, vaccine, where) and below it, once
 * searched, each person's eligibility and the offers per centre; choosing an offer holds it for the caller.
 */
@Controller
@RequestMapping("/staff/hotline")
@PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
class ConsoleSearchController {

    /** The search form's fields in the order of the page, for the error summary. */
    static final List<String> FIELDS = List.of(
            "household",
            "persons[].birthDate",
            "persons[].postalCode",
            "day",
            "timeOfDay",
            "vaccine",
            "place",
            "invitationCode");

    private final Offers offers;
    private final HotlineBookings bookings;
    private final ObjectProvider<CallBacks> callBacks;
    private final MessageSource messages;
    private final Clock clock;

    ConsoleSearchController(
            Offers offers,
            HotlineBookings bookings,
            ObjectProvider<CallBacks> callBacks,
            MessageSource messages,
            Clock clock) {
        this.offers = offers;
        this.bookings = bookings;
        this.callBacks = callBacks;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The call-back queue's numbers and the "next call-back" button, on every console page that shows the card; only
     * where the queue exists (the console also runs without it, as in its slice tests).
     */
    private @Nullable CallBackQueueStats callBackStats() {
        CallBacks queue = callBacks.getIfAvailable();
        return queue == null ? null : queue.stats();
    }

    @GetMapping
    String home(Principal agent, HttpSession session, Model model) {
        CallerCard card = CallerCard.of(session);
        model.addAttribute("form", card.search());
        model.addAttribute("errors", new FormErrors(messages));
        model.addAttribute("card", card);
        model.addAttribute("callBackStats", callBackStats());
        if (card.searched()) {
            model.addAttribute("answer", offers.find(search(card.search(), agent)));
        }
        return "hotline/home";
    }

    @PostMapping("/search")
    String search(
            @Valid @ModelAttribute("form") SearchForm form,
            BindingResult result,
            Principal agent,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        checkDates(form, result);
        if (!result.hasErrors() && form.invitation() != null) {
            checkInvitation(form, agent, result);
        }
        if (result.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(result, FIELDS, "hotline.error.invalid", messages));
            model.addAttribute("card", CallerCard.of(session));
            model.addAttribute("callBackStats", callBackStats());
            response.setStatus(422);
            return "hotline/home";
        }
        CallerCard.of(session).searchedFor(form).save(session);
        return "redirect:/staff/hotline#results";
    }

    @PostMapping("/new-caller")
    String newCaller(HttpSession session) {
        CallerCard.forget(session);
        return "redirect:/staff/hotline";
    }

    @PostMapping("/hold")
    String hold(
            @RequestParam String centreId,
            @RequestParam LocalDate date,
            @RequestParam LocalTime time,
            @RequestParam Channel channel,
            @RequestParam(required = false) @Nullable String vaccine,
            Principal agent,
            HttpSession session,
            RedirectAttributes redirect) {
        CallerCard card = CallerCard.of(session);
        if (!card.searched()) {
            return "redirect:/staff/hotline";
        }
        List<Applicant> persons = persons(card.search());
        try {
            HoldView hold = bookings.hold(
                    agent.getName(),
                    new WantedAppointments(
                            centreId,
                            date,
                            time,
                            vaccine == null ? null : Vaccine.find(vaccine).orElse(null),
                            persons,
                            channel == Channel.INVITATION ? card.search().invitation() : null),
                    channel);
            return "redirect:/staff/hotline/holds/" + hold.id();
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("notice", ConsoleAdvice.explanation(refusal));
            return "redirect:/staff/hotline#results";
        }
    }

    /** Birth dates and the wanted day must be real dates; a birth date not in the future, the day not past. */
    private void checkDates(SearchForm form, BindingResult result) {
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        for (int i = 0; i < form.persons().size(); i++) {
            String field = "persons[" + i + "].birthDate";
            String text = form.persons().get(i).birthDate();
            if (!result.hasFieldErrors(field)
                    && ConsoleDates.parse(text)
                            .filter(d -> !d.isAfter(today) && d.getYear() > 1890)
                            .isEmpty()) {
                result.rejectValue(field, "invalid", "hotline.error.birthDate.invalid");
            }
        }
        if (!result.hasFieldErrors("day")
                && ConsoleDates.parse(form.day())
                        .filter(d -> !d.isBefore(today))
                        .isEmpty()) {
            result.rejectValue("day", "invalid", "hotline.error.day.invalid");
        }
        if (!form.vaccine().isEmpty() && Vaccine.find(form.vaccine()).isEmpty()) {
            result.rejectValue("vaccine", "invalid", "hotline.error.invalid");
        }
        if (form.where().isEmpty()) {
            result.rejectValue("place", "missing", "hotline.error.place.invalid");
        }
    }

    /** The household of a checked form. */
    private static List<Applicant> persons(SearchForm form) {
        return form.persons().stream()
                .map(p -> new Applicant(ConsoleDates.parse(p.birthDate()).orElseThrow(), p.postalCode()))
                .toList();
    }

    /**
     * The caller's invitation code: wrong ones count against the agent's limit, like a citizen's against theirs; a
     * valid one must be for the whole household.
     */
    private void checkInvitation(SearchForm form, Principal agent, BindingResult result) {
        String field = "invitationCode";
        switch (bookings.lookUpInvitation(agent.getName(), form.invitationCode())) {
            case Invitations.Lookup.Valid valid -> {
                int forPeople = valid.invitation().householdSize();
                if (forPeople < form.persons().size()) {
                    result.rejectValue(
                            field, "household", new Object[] {forPeople}, "hotline.error.invitation.household");
                }
            }
            case Invitations.Lookup.Unknown unknown ->
                result.rejectValue(field, "unknown", "hotline.error.invitation.unknown");
            case Invitations.Lookup.Used used -> result.rejectValue(field, "used", "hotline.error.invitation.used");
            case Invitations.Lookup.TooManyWrongCodes tooMany ->
                result.rejectValue(field, "tooMany", "hotline.error.invitation.tooMany");
        }
    }

    /** The search of a checked form, limited to the release of its invitation code while that code is valid. */
    private Offers.Search search(SearchForm form, Principal agent) {
        List<Applicant> persons = persons(form);
        Invitations.Invitation invitation = form.invitation() != null
                        && bookings.lookUpInvitation(agent.getName(), form.invitation())
                                instanceof Invitations.Lookup.Valid valid
                ? valid.invitation()
                : null;
        return new Offers.Search(
                form.where(),
                ConsoleDates.parse(form.day()).orElseThrow(),
                form.timeOfDay(),
                form.vaccine().isEmpty() ? null : Vaccine.find(form.vaccine()).orElse(null),
                persons,
                invitation);
    }
}
