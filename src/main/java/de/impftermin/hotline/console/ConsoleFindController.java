package de.impftermin.hotline.console;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.platform.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Finding a caller's booking: by code and a birth date, or by name, birth date and postal code. */
@Controller
@RequestMapping("/staff/hotline/find")
@PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
class ConsoleFindController {

    static final List<String> CODE_FIELDS = List.of("code", "codeBirthDate");
    static final List<String> NAME_FIELDS = List.of("firstName", "lastName", "birthDate", "postalCode");

    private final HotlineBookings bookings;
    private final MessageSource messages;

    ConsoleFindController(HotlineBookings bookings, MessageSource messages) {
        this.bookings = bookings;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        return page(LookupForms.ByCode.blank(), LookupForms.ByName.blank(), new FormErrors(messages), model);
    }

    @PostMapping("/code")
    String byCode(
            @Valid @ModelAttribute("byCode") LookupForms.ByCode form,
            BindingResult result,
            HttpServletResponse response,
            Model model) {
        Optional<LocalDate> birthDate = ConsoleDates.parse(form.codeBirthDate());
        if (!result.hasFieldErrors("codeBirthDate") && birthDate.isEmpty()) {
            result.rejectValue("codeBirthDate", "invalid", "hotline.error.birthDate.invalid");
        }
        if (result.hasErrors()) {
            response.setStatus(422);
            return page(
                    form,
                    LookupForms.ByName.blank(),
                    FormErrors.of(result, CODE_FIELDS, "hotline.error.invalid", messages),
                    model);
        }
        Optional<BookingView> found = bookings.find(form.code(), birthDate.orElseThrow());
        if (found.isEmpty()) {
            model.addAttribute("notFound", true);
            return page(form, LookupForms.ByName.blank(), new FormErrors(messages), model);
        }
        return "redirect:/staff/hotline/bookings/" + found.get().code() + "?birthDate=" + birthDate.get();
    }

    @PostMapping("/name")
    String byName(
            @Valid @ModelAttribute("byName") LookupForms.ByName form,
            BindingResult result,
            HttpServletResponse response,
            Model model) {
        Optional<LocalDate> birthDate = ConsoleDates.parse(form.birthDate());
        if (!result.hasFieldErrors("birthDate") && birthDate.isEmpty()) {
            result.rejectValue("birthDate", "invalid", "hotline.error.birthDate.invalid");
        }
        if (result.hasErrors()) {
            response.setStatus(422);
            return page(
                    LookupForms.ByCode.blank(),
                    form,
                    FormErrors.of(result, NAME_FIELDS, "hotline.error.invalid", messages),
                    model);
        }
        List<BookingView> found =
                bookings.findByName(form.firstName(), form.lastName(), birthDate.orElseThrow(), form.postalCode());
        model.addAttribute("found", found);
        model.addAttribute("foundBirthDate", birthDate.get());
        return page(LookupForms.ByCode.blank(), form, new FormErrors(messages), model);
    }

    private static String page(LookupForms.ByCode byCode, LookupForms.ByName byName, FormErrors errors, Model model) {
        model.addAttribute("byCode", byCode);
        model.addAttribute("byName", byName);
        model.addAttribute("errors", errors);
        return "hotline/find";
    }
}
