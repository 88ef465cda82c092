package de.impftermin.platform.web;

import de.impftermin.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages every staff console shares: sign-in, the home page that links to the consoles a role may use, and the
 * page for a refused console. The consoles themselves belong to their modules.
 */
@Controller
class StaffPagesController {

    /** A console the home page links to, and which roles may open it. */
    record Console(String key, String path, Set<String> roles) {}

    static final List<Console> CONSOLES = List.of(
            new Console("hotline", "/staff/hotline", Set.of("ROLE_AGENT", "ROLE_ADMIN")),
            new Console("centre", "/staff/centre", Set.of("ROLE_OPERATOR", "ROLE_ADMIN")),
            new Console("office", "/staff/office", Set.of("ROLE_ADMIN")));

    /** A state login (OpenID Connect registration) offered on the sign-in page. */
    record StateLogin(String path, String name) {}

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final MessageSource messages;

    StaffPagesController(ObjectProvider<ClientRegistrationRepository> registrations, MessageSource messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken(); // the session must exist before the page starts streaming
        }
    }

    @GetMapping("/staff/login")
    String login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String refused,
            @RequestParam(required = false) @Nullable String signedOut,
            Model model) {
        FormErrors errors = new FormErrors(messages);
        if (error != null) {
            errors.add("username", "staff.login.failed");
        }
        if (refused != null) {
            errors.add("state-login", "staff.login.refused");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("stateLogins", stateLogins());
        return "staff/login";
    }

    @GetMapping("/staff")
    String home(Authentication auth, @RequestParam(required = false) @Nullable String passwordChanged, Model model) {
        model.addAttribute("passwordChanged", passwordChanged != null);
        model.addAttribute("localAccount", !(auth instanceof OAuth2AuthenticationToken));
        Set<String> authorities = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        model.addAttribute("username", auth.getName());
        model.addAttribute(
                "role",
                authorities.stream()
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5))
                        .findFirst()
                        .orElse(""));
        model.addAttribute(
                "consoles",
                CONSOLES.stream()
                        .filter(c -> c.roles().stream().anyMatch(authorities::contains))
                        .toList());
        return "staff/home";
    }

    @RequestMapping("/staff/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "staff/forbidden";
    }

    private List<StateLogin> stateLogins() {
        List<StateLogin> logins = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration) {
                    logins.add(new StateLogin(
                            "/staff/oauth2/authorization/" + registration.getRegistrationId(),
                            registration.getClientName()));
                }
            }
        }
        return logins;
    }
}
