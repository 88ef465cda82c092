package de.impftermin.hotline.console;

import de.impftermin.platform.DatabaseUnavailable;
import de.impftermin.platform.Redaction;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every console page needs (the language switch to the same page, the CSRF token made before the page streams),
 * and pages instead of problem+json when something goes wrong: a refusal nobody expected in plain words, anything
 * else as a 500 without a stack trace. A refused role stays a 403 for the security filters to answer.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    /** The refusal codes the console explains in its own words; others read "not possible". */
    private static final Set<String> EXPLAINED = Set.of(
            "NO_APPOINTMENTS",
            "NOT_ELIGIBLE",
            "NOT_FOUND",
            "HOLD_EXPIRED",
            "ALREADY_BOOKED",
            "PERSONS_MISMATCH",
            "BOOKING_CANCELLED",
            "NO_CONTACT",
            "SERVICE_UNAVAILABLE",
            "DATABASE_UNAVAILABLE",
            "TOO_MANY_REQUESTS");

    /** The message key that explains a refusal to the agent. */
    static String explanation(Refusal refusal) {
        return "hotline.refusal." + (EXPLAINED.contains(refusal.code()) ? refusal.code() : "GENERIC");
    }

    /**
     * The console's forms are records bound through their constructors only: a form that drops rows it does not need
     * (the household's hidden persons) must not have them bound again through property paths afterwards.
     */
    @InitBinder
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "de" : "en";
        model.addAttribute("otherLanguage", other);
        String path = "GET".equals(request.getMethod()) ? request.getRequestURI() : "/staff/hotline";
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        model.addAttribute(
                "languageSwitchUrl",
                UriComponentsBuilder.fromPath(path)
                        .query(query)
                        .replaceQueryParam("lang", other)
                        .build()
                        .toUriString());
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken(); // the cookie or session entry must exist before the response is committed
        }
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(Refusal.class)
    String refusal(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(request, model);
        response.setStatus(refusal.status().value());
        model.addAttribute("problem", explanation(refusal));
        model.addAttribute("detail", refusal.getMessage());
        return "hotline/problem";
    }

    /** A hand-made address (a missing or malformed birth date, an unknown channel): not possible, nothing changed. */
    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(request, model);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", "hotline.refusal.GENERIC");
        model.addAttribute("detail", "");
        return "hotline/problem";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        Refusal unavailable = DatabaseUnavailable.refusalFor(e).orElse(null);
        if (unavailable != null) {
            log.warn("Database unavailable, console page answered 503: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
            return refusal(unavailable, request, response, model);
        }
        log.error("Hotline console page failed: {}", Redaction.path(request), e);
        common(request, model);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("problem", "hotline.problem.unexpected");
        model.addAttribute("detail", "");
        return "hotline/problem";
    }
}
