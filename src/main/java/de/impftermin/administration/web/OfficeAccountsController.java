package de.impftermin.administration.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.StaffAccounts;
import de.impftermin.platform.StaffAccounts.Activation;
import de.impftermin.platform.StaffAccounts.Creation;
import de.impftermin.platform.StaffAccounts.PasswordReset;
import de.impftermin.platform.StaffAccounts.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts in the office console: the list with each account's state, a form that creates an agent or an
 * operator with their centres, and per account a password reset and deactivation. Every new or reset password is
 * generated here and shown once, on the page after the change; it must be changed at the next sign-in.
 */
@Controller
class OfficeAccountsController {

    static final String PAGE = "/staff/office/accounts";

    /** The create form; checked here so that every refusal becomes a message beside its field. */
    record NewAccountForm(
            @Nullable String username,
            @Nullable String role,
            @Nullable List<String> centreIds) {}

    private final StaffAccounts accounts;
    private final Centres centres;
    private final OfficePages.Texts texts;

    OfficeAccountsController(StaffAccounts accounts, Centres centres, OfficePages.Texts texts) {
        this.accounts = accounts;
        this.centres = centres;
        this.texts = texts;
    }

    @GetMapping(PAGE)
    String list(Model model) {
        return page(model, texts.errors(), new NewAccountForm(null, null, null));
    }

    @PostMapping(PAGE)
    String create(NewAccountForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String username = form.username() == null ? "" : form.username().strip();
        Set<String> centreIds = new LinkedHashSet<>(form.centreIds() == null ? List.of() : form.centreIds());
        FormErrors errors = check(username, form.role(), centreIds);
        if (!errors.any()) {
            String password = StaffAccounts.temporaryPassword();
            switch (accounts.create(username, password, Role.valueOf(form.role()), centreIds)) {
                case Creation.Created created -> {
                    redirect.addFlashAttribute("created", new Handover(username, password));
                    return "redirect:" + PAGE;
                }
                case Creation.UsernameTaken taken -> errors.add("username", "office.accounts.error.taken");
                case Creation.WeakPassword weak -> errors.add("username", "office.accounts.error.username");
            }
        }
        response.setStatus(422);
        return page(model, errors, form);
    }

    @PostMapping(PAGE + "/{username}/password-reset")
    String reset(@PathVariable String username, RedirectAttributes redirect) {
        switch (accounts.resetPassword(username, null)) {
            case PasswordReset.Reset reset ->
                redirect.addFlashAttribute("reset", new Handover(reset.username(), reset.temporaryPassword()));
            case PasswordReset.NoSuchAccount missing -> redirect.addFlashAttribute("unknown", username);
            case PasswordReset.WeakPassword weak -> throw new IllegalStateException("generated password refused");
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{username}/deactivate")
    String deactivate(@PathVariable String username, RedirectAttributes redirect) {
        return activation(accounts.setDeactivated(username, true), username, redirect);
    }

    @PostMapping(PAGE + "/{username}/reactivate")
    String reactivate(@PathVariable String username, RedirectAttributes redirect) {
        return activation(accounts.setDeactivated(username, false), username, redirect);
    }

    /** A password to hand over to the account's owner, shown once. */
    record Handover(String username, String password) {}

    private String activation(Activation activation, String username, RedirectAttributes redirect) {
        switch (activation) {
            case Activation.Changed changed ->
                redirect.addFlashAttribute(changed.deactivated() ? "deactivated" : "reactivated", username);
            case Activation.Unchanged same ->
                redirect.addFlashAttribute(same.deactivated() ? "deactivated" : "reactivated", username);
            case Activation.NoSuchAccount missing -> redirect.addFlashAttribute("unknown", username);
            case Activation.OwnAccount own -> redirect.addFlashAttribute("ownAccount", username);
        }
        return "redirect:" + PAGE;
    }

    private FormErrors check(String username, @Nullable String role, Set<String> centreIds) {
        FormErrors errors = texts.errors();
        if (!username.matches(StaffAdminController.USERNAME)) {
            errors.add("username", "office.accounts.error.username");
        }
        if (!"AGENT".equals(role) && !"OPERATOR".equals(role)) {
            errors.add("role-AGENT", "office.accounts.error.role");
        }
        if ("OPERATOR".equals(role) && centreIds.isEmpty()) {
            errors.add("centres", "office.accounts.error.centres");
        }
        if (centreIds.stream().anyMatch(id -> centres.find(id).isEmpty())) {
            errors.add("centres", "office.accounts.error.unknownCentre");
        }
        return errors;
    }

    private String page(Model model, FormErrors errors, NewAccountForm form) {
        List<Centre> all = centres.all();
        model.addAttribute("accounts", accounts.overview());
        model.addAttribute("me", AuditLog.currentActor());
        model.addAttribute("centres", all);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("chosenCentres", form.centreIds() == null ? List.of() : form.centreIds());
        return "office/accounts";
    }
}
