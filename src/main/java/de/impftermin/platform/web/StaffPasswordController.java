package de.impftermin.platform.web;

import de.impftermin.platform.FormErrors;
import de.impftermin.platform.PasswordPolicy;
import de.impftermin.platform.StaffAccounts;
import de.impftermin.platform.StaffAccounts.PasswordChange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A staff member chooses a new password: at the first console sign-in of an account an administrator created (the
 * {@code PasswordChangeGate} sends every page here until then), or whenever they like. Only local accounts have one.
 */
@Controller
class StaffPasswordController {

    /** The form; lengths are checked by {@link PasswordPolicy}, the size limit only guards the server. */
    record PasswordForm(
            @Nullable @Size(max = 1024) String currentPassword,
            @Nullable @Size(max = 1024) String newPassword,
            @Nullable @Size(max = 1024) String confirmation) {}

    private final StaffAccounts accounts;
    /** The password rules' limits, arguments of every message on this page. */
    private static final Object[] LIMITS = {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH};

    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    StaffPasswordController(StaffAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Authentication auth, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
        model.addAttribute("forced", mustChangePassword(auth));
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    @GetMapping("/staff/password")
    String form(Model model) {
        model.addAttribute("errors", new FormErrors(messages));
        return "staff/password";
    }

    @PostMapping("/staff/password")
    String change(
            PasswordForm form,
            Authentication auth,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String current = form.currentPassword() == null ? "" : form.currentPassword();
        String fresh = form.newPassword() == null ? "" : form.newPassword();
        FormErrors errors = new FormErrors(messages);
        if (!fresh.equals(form.confirmation())) {
            errors.add("confirmation", "staff.password.mismatch", LIMITS);
        } else {
            switch (accounts.changePassword(auth.getName(), current, fresh)) {
                case PasswordChange.Changed changed -> {
                    signInAgainWithoutTheGate(auth, request, response);
                    return "redirect:/staff?passwordChanged";
                }
                case PasswordChange.WrongCurrentPassword wrong ->
                    errors.add("currentPassword", "staff.password.wrongCurrent", LIMITS);
                case PasswordChange.WeakPassword weak ->
                    errors.add(
                            "newPassword",
                            "staff.password.weak." + weak.weakness().name(),
                            LIMITS);
            }
        }
        model.addAttribute("errors", errors);
        response.setStatus(422);
        return "staff/password";
    }

    /** The session keeps its sign-in but loses the must-change mark, under a fresh session id. */
    private void signInAgainWithoutTheGate(
            Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        var authorities = auth.getAuthorities().stream()
                .filter(a -> !StaffAccounts.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()))
                .toList();
        var updated = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
        updated.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    private static boolean mustChangePassword(Authentication auth) {
        return auth.getAuthorities().stream()
                .anyMatch(a -> StaffAccounts.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }
}
