package de.impftermin.portal.web;

import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Step 1: birth date and postal code of up to four people, and a plain answer whether, why not, or when. */
@Controller
class EligibilityController {

    static final int MAX_PERSONS = 4;

    /** What was typed for one person, shown again with the form. */
    record PersonInput(String birthDate, String postalCode) {}

    private final EligibilityCheck check;
    private final PortalCookies cookies;
    private final MessageSource messages;
    private final Clock clock;

    EligibilityController(EligibilityCheck check, PortalCookies cookies, MessageSource messages, Clock clock) {
        this.check = check;
        this.cookies = cookies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/eligibility")
    String form(HttpServletRequest request, Model model) {
        List<Applicant> known = cookies.flow(request).persons();
        List<PersonInput> inputs = new ArrayList<>();
        for (int i = 0; i < MAX_PERSONS; i++) {
            inputs.add(
                    i < known.size()
                            ? new PersonInput(
                                    PortalFormats.INPUT_DATE.format(known.get(i).birthDate()),
                                    known.get(i).postalCode())
                            : new PersonInput("", ""));
        }
        model.addAttribute("persons", inputs);
        model.addAttribute("errors", new FormErrors(messages));
        return "portal/eligibility";
    }

    @PostMapping("/eligibility")
    String check(HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = new FormErrors(messages);
        List<PersonInput> inputs = new ArrayList<>();
        List<Applicant> persons = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(de.impftermin.shared.BerlinTime.ZONE));
        for (int i = 0; i < MAX_PERSONS; i++) {
            String birth = param(request, "birthDate" + i);
            String plz = param(request, "postalCode" + i).replaceAll("\\s", "");
            inputs.add(new PersonInput(birth, plz));
            if (i > 0 && birth.isEmpty() && plz.isEmpty()) {
                continue;
            }
            Optional<LocalDate> date = DateInput.birthDate(birth, today);
            if (birth.isEmpty()) {
                errors.add("birthDate" + i, "eligibility.error.birthDate.missing", i + 1);
            } else if (date.isEmpty()) {
                errors.add("birthDate" + i, "eligibility.error.birthDate.invalid", i + 1);
            }
            if (!plz.matches("[0-9]{5}")) {
                errors.add(
                        "postalCode" + i,
                        plz.isEmpty() ? "eligibility.error.postalCode.missing" : "eligibility.error.postalCode.invalid",
                        i + 1);
            }
            if (date.isPresent() && plz.matches("[0-9]{5}")) {
                persons.add(new Applicant(date.get(), plz));
            }
        }
        if (errors.any()) {
            model.addAttribute("persons", inputs);
            model.addAttribute("errors", errors);
            response.setStatus(422);
            return "portal/eligibility";
        }
        cookies.flow(response, cookies.flow(request).withPersons(persons));
        return "redirect:/eligibility/result";
    }

    @GetMapping("/eligibility/result")
    String result(HttpServletRequest request, Model model) {
        Flow flow = cookies.flow(request);
        if (!flow.hasPersons()) {
            return "redirect:/eligibility";
        }
        model.addAttribute("persons", flow.persons());
        model.addAttribute("answer", check.check(flow.persons()));
        return "portal/eligibility-result";
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
