package de.impftermin.administration.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.StaffAccounts;
import de.impftermin.platform.StaffAccounts.AccountOverview;
import de.impftermin.platform.StaffAccounts.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Centres in the office console: the list, a form that registers a centre, and per centre a form that edits its
 * details and chooses the operators who work for it. Each change is audited by the module that makes it.
 */
@Controller
class OfficeCentresController {

    static final String PAGE = "/staff/office/centres";

    /** The centre form as sent; checked here so that each refusal stands beside its field. */
    record CentreForm(
            @Nullable String id,
            @Nullable String name,
            @Nullable String county,
            @Nullable String postalCode,
            @Nullable String address,
            @Nullable String phone,
            @Nullable Boolean phoneOnly,
            @Nullable List<String> operators) {

        static CentreForm of(Centre c, List<String> operators) {
            return new CentreForm(
                    c.id(), c.name(), c.county(), c.postalCode(), c.address(), c.phone(), c.phoneOnly(), operators);
        }

        Centre centre(String centreId) {
            return new Centre(
                    centreId,
                    strip(name),
                    strip(county),
                    strip(postalCode),
                    strip(address),
                    Boolean.TRUE.equals(phoneOnly),
                    strip(phone).isEmpty() ? null : strip(phone));
        }

        private static String strip(@Nullable String value) {
            return value == null ? "" : value.strip();
        }
    }

    private final Centres centres;
    private final StaffAccounts accounts;
    private final OfficePages.Texts texts;

    OfficeCentresController(Centres centres, StaffAccounts accounts, OfficePages.Texts texts) {
        this.centres = centres;
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping(PAGE)
    String list(Model model) {
        return listPage(model, texts.errors(), new CentreForm(null, null, null, null, null, null, false, null));
    }

    @PostMapping(PAGE)
    String create(CentreForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String id = form.id() == null ? "" : form.id().strip();
        FormErrors errors = check(form);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            errors.add("id", "office.centres.error.id");
        }
        if (!errors.any()) {
            if (centres.register(form.centre(id))) {
                redirect.addFlashAttribute("saved", form.centre(id).name());
                return "redirect:" + PAGE + "/" + id;
            }
            errors.add("id", "office.centres.error.taken");
        }
        response.setStatus(422);
        return listPage(model, errors, form);
    }

    @GetMapping(PAGE + "/{id}")
    String edit(@PathVariable String id, Model model, HttpServletResponse response) {
        return centres.find(id)
                .map(c -> editPage(model, texts.errors(), CentreForm.of(c, operatorsOf(id)), id))
                .orElseGet(() -> notFound(response));
    }

    @PostMapping(PAGE + "/{id}")
    String save(
            @PathVariable String id,
            CentreForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (centres.find(id).isEmpty()) {
            return notFound(response);
        }
        FormErrors errors = check(form);
        if (errors.any()) {
            response.setStatus(422);
            return editPage(model, errors, form, id);
        }
        centres.update(form.centre(id));
        Set<String> chosen = new LinkedHashSet<>(form.operators() == null ? List.of() : form.operators());
        accounts.assignOperators(id, chosen);
        redirect.addFlashAttribute("saved", form.centre(id).name());
        return "redirect:" + PAGE + "/" + id;
    }

    /**
     * Closes the centre with a note for citizens: it stays listed as closed with the note, nothing new is bookable
     * there, its bookings stay.
     */
    @PostMapping(PAGE + "/{id}/close")
    String close(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<Centre> centre = centres.find(id);
        if (centre.isEmpty()) {
            return notFound(response);
        }
        String text = note == null ? "" : note.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 500) {
            FormErrors errors = texts.errors().add("note", "office.centres.error.note");
            response.setStatus(422);
            model.addAttribute("note", text);
            return editPage(model, errors, CentreForm.of(centre.get(), operatorsOf(id)), id);
        }
        if (centres.close(id, text) == Centres.ClosureChange.CHANGED) {
            redirect.addFlashAttribute("closedNow", true);
        }
        return "redirect:" + PAGE + "/" + id;
    }

    @PostMapping(PAGE + "/{id}/reopen")
    String reopen(@PathVariable String id, HttpServletResponse response, RedirectAttributes redirect) {
        return switch (centres.reopen(id)) {
            case NO_SUCH_CENTRE -> notFound(response);
            case CHANGED -> {
                redirect.addFlashAttribute("reopenedNow", true);
                yield "redirect:" + PAGE + "/" + id;
            }
            case UNCHANGED -> "redirect:" + PAGE + "/" + id;
        };
    }

    private FormErrors check(CentreForm form) {
        FormErrors errors = texts.errors();
        Centre c = form.centre("x");
        if (c.name().isEmpty() || c.name().length() > 200) {
            errors.add("name", "office.centres.error.name");
        }
        if (c.county().isEmpty() || c.county().length() > 200) {
            errors.add("county", "office.centres.error.county");
        }
        if (!c.postalCode().matches("[0-9]{5}")) {
            errors.add("postalCode", "office.centres.error.postalCode");
        }
        if (c.address().isEmpty() || c.address().length() > 300) {
            errors.add("address", "office.centres.error.address");
        }
        if (c.phone() != null && !c.phone().matches("[+0-9 ()/-]{3,40}")) {
            errors.add("phone", "office.centres.error.phone");
        }
        return errors;
    }

    private List<String> operatorsOf(String centreId) {
        return accounts.overview().stream()
                .filter(a -> a.role() == Role.OPERATOR && a.centreIds().contains(centreId))
                .map(AccountOverview::username)
                .toList();
    }

    private String listPage(Model model, FormErrors errors, CentreForm form) {
        model.addAttribute("centres", centres.all());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "office/centres";
    }

    private String editPage(Model model, FormErrors errors, CentreForm form, String id) {
        model.addAttribute("centreId", id);
        model.addAttribute("closure", centres.find(id).map(Centre::closure).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute(
                "operators",
                accounts.overview().stream()
                        .filter(a -> a.role() == Role.OPERATOR)
                        .toList());
        model.addAttribute("chosenOperators", form.operators() == null ? List.of() : form.operators());
        return "office/centre";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }
}
