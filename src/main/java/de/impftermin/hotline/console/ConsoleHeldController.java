package de.impftermin.hotline.console;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Contact;
import de.impftermin.booking.HoldView;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.booking.PersonDetails;
import de.impftermin.centres.Centres;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Language;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The held series and the hold's expiry, so the caller can decide; then the names and (optional) phone and e-mail, and
 * the booking. When the caller is moving a booking, the same page confirms the move instead.
 */
@Controller
@RequestMapping("/staff/hotline/holds/{holdId}")
@PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
class ConsoleHeldController {

    static final List<String> FIELDS = List.of("names[].firstName", "names[].lastName", "phone", "email");

    private final HotlineBookings bookings;
    private final Centres centres;
    private final MessageSource messages;

    ConsoleHeldController(HotlineBookings bookings, Centres centres, MessageSource messages) {
        this.bookings = bookings;
        this.centres = centres;
        this.messages = messages;
    }

    @GetMapping
    String held(@PathVariable UUID holdId, Principal agent, HttpSession session, Model model) {
        Optional<HoldView> hold = bookings.findHold(agent.getName(), holdId);
        if (hold.isEmpty()) {
            return gone(model);
        }
        CallerCard card = CallerCard.of(session);
        ConfirmForm form = card.contact() != null
                        && card.contact().names().size() == hold.get().series().size()
                ? card.contact()
                : prefilled(card.contact(), hold.get().series().size());
        return page(hold.get(), form, new FormErrors(messages), card, model);
    }

    @PostMapping("/confirm")
    String confirm(
            @PathVariable UUID holdId,
            @Valid @ModelAttribute("form") ConfirmForm form,
            BindingResult result,
            Principal agent,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        Optional<HoldView> hold = bookings.findHold(agent.getName(), holdId);
        if (hold.isEmpty()) {
            return gone(model);
        }
        CallerCard card = CallerCard.of(session).withContact(form);
        card.save(session);
        if (form.names().size() != hold.get().series().size()
                || card.search().persons().size() != hold.get().series().size()) {
            result.reject("persons", "hotline.error.invalid");
        }
        if (result.hasErrors()) {
            response.setStatus(422);
            return page(
                    hold.get(), form, FormErrors.of(result, FIELDS, "hotline.error.invalid", messages), card, model);
        }
        try {
            BookingView booking =
                    bookings.confirm(agent.getName(), holdId, persons(form, card.search()), contact(form));
            card.booked(booking.code()).save(session);
            return "redirect:" + ConsoleBookingController.path(booking, true);
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("notice", ConsoleAdvice.explanation(refusal));
            return page(hold.get(), form, new FormErrors(messages), card, model);
        }
    }

    @PostMapping("/rebook")
    String rebook(
            @PathVariable UUID holdId, Principal agent, HttpSession session, RedirectAttributes redirect, Model model) {
        CallerCard card = CallerCard.of(session);
        CallerCard.Rebooking moving = card.movingBooking().orElse(null);
        if (moving == null) {
            return "redirect:/staff/hotline/holds/" + holdId;
        }
        try {
            BookingView booking = bookings.rebook(agent.getName(), moving.code(), moving.birthDate(), holdId);
            CallerCard.forget(session);
            redirect.addFlashAttribute("notice", "hotline.booking.rebooked");
            return "redirect:" + ConsoleBookingController.path(booking, false);
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("notice", ConsoleAdvice.explanation(refusal));
            return "redirect:/staff/hotline/holds/" + holdId;
        }
    }

    private String page(HoldView hold, ConfirmForm form, FormErrors errors, CallerCard card, Model model) {
        model.addAttribute("hold", hold);
        model.addAttribute(
                "centre",
                centres.find(hold.series().getFirst().appointments().getFirst().centreId())
                        .orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("card", card);
        model.addAttribute("persons", card.search().persons());
        return "hotline/held";
    }

    private static String gone(Model model) {
        model.addAttribute("problem", "hotline.refusal.HOLD_EXPIRED");
        model.addAttribute("detail", "");
        return "hotline/problem";
    }

    static ConfirmForm prefilled(@Nullable ConfirmForm known, int persons) {
        ConfirmForm blank = ConfirmForm.blank(persons);
        return known == null ? blank : new ConfirmForm(blank.names(), known.phone(), known.email());
    }

    static List<PersonDetails> persons(ConfirmForm form, SearchForm search) {
        List<PersonDetails> persons = new ArrayList<>();
        for (int i = 0; i < form.names().size(); i++) {
            SearchForm.PersonRow row = search.persons().get(i);
            persons.add(new PersonDetails(
                    form.names().get(i).firstName(),
                    form.names().get(i).lastName(),
                    ConsoleDates.parse(row.birthDate()).orElseThrow(),
                    row.postalCode()));
        }
        return persons;
    }

    static Contact contact(ConfirmForm form) {
        return new Contact(
                form.phone().isEmpty() ? null : form.phoneNumber(),
                form.email().isEmpty() ? null : form.email(),
                Language.of(LocaleContextHolder.getLocale()));
    }
}
