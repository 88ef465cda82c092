package de.impftermin.hotline.console;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.platform.FormErrors;
import de.impftermin.waitlist.Registered;
import de.impftermin.waitlist.RegistrationRequest;
import de.impftermin.waitlist.Waitlist;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

/**
 * A caller for whom nothing fits goes on the waitlist from the console: the persons of the caller card, their names,
 * the centres they can reach and a mobile number or e-mail address, over which the offer reaches them as it reaches
 * anyone on the list. The caller need not phone again.
 */
@Controller
@RequestMapping("/staff/hotline/waitlist")
@PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
class ConsoleWaitlistController {

    private final Waitlist waitlist;
    private final Centres centres;
    private final MessageSource messages;

    ConsoleWaitlistController(Waitlist waitlist, Centres centres, MessageSource messages) {
        this.waitlist = waitlist;
        this.centres = centres;
        this.messages = messages;
    }

    @GetMapping
    String form(HttpSession session, Model model) {
        CallerCard card = CallerCard.of(session);
        if (!card.searched()) {
            return "redirect:/staff/hotline";
        }
        ConfirmForm form = ConsoleHeldController.prefilled(
                card.contact(), card.search().persons().size());
        return page(card, form, List.of(), new FormErrors(messages), model);
    }

    @PostMapping
    String register(
            @Valid @ModelAttribute("form") ConfirmForm form,
            BindingResult result,
            @RequestParam(name = "centreIds", required = false) @Nullable List<String> centreIds,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        CallerCard card = CallerCard.of(session);
        if (!card.searched()) {
            return "redirect:/staff/hotline";
        }
        List<String> chosen = centreIds == null ? List.of() : List.copyOf(centreIds);
        if (form.names().size() != card.search().persons().size()) {
            result.reject("persons", "hotline.error.invalid");
        }
        FormErrors errors = FormErrors.of(result, ConsoleHeldController.FIELDS, "hotline.error.invalid", messages);
        if (form.phone().isEmpty() && form.email().isEmpty()) {
            errors.add("phone", "hotline.waitlist.error.contact");
        }
        if (chosen.isEmpty()) {
            errors.add("centres", "hotline.waitlist.error.centres");
        }
        if (errors.any()) {
            response.setStatus(422);
            return page(card, form, chosen, errors, model);
        }
        card.withContact(form).save(session);
        Registered registered = waitlist.registerForCaller(new RegistrationRequest(
                ConsoleHeldController.persons(form, card.search()), chosen, null, ConsoleHeldController.contact(form)));
        if (registered instanceof Registered.OnTheList onTheList) {
            model.addAttribute("position", onTheList.position());
            model.addAttribute("registration", onTheList.id());
            model.addAttribute("card", card);
            return "hotline/waitlisted";
        }
        errors.add(
                registered instanceof Registered.AlreadyBooked ? "names0-firstName" : "centres",
                registered instanceof Registered.AlreadyBooked
                        ? "hotline.waitlist.error.alreadyBooked"
                        : "hotline.waitlist.error.centres");
        response.setStatus(registered instanceof Registered.AlreadyBooked ? 409 : 422);
        return page(card, form, chosen, errors, model);
    }

    private String page(CallerCard card, ConfirmForm form, List<String> chosen, FormErrors errors, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("form", form);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("persons", card.search().persons());
        model.addAttribute(
                "centres",
                centres.all().stream()
                        .sorted(Comparator.comparing(Centre::county).thenComparing(Centre::name))
                        .toList());
        return "hotline/waitlist";
    }
}
