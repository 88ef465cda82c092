package de.impftermin.portal.web;

import de.impftermin.platform.DatabaseUnavailable;
import de.impftermin.platform.Redaction;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every portal page needs (the language switch to the same page, the CSRF token created before the page starts
 * streaming), and plain-language error pages instead of problem+json for the portal's controllers: 404, 503 with
 * {@code Retry-After}, and 500 without any stack trace.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    private final boolean devInbox;

    PortalAdvice(@Value("${impftermin.dev-inbox:false}") boolean devInbox) {
        this.devInbox = devInbox;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "de" : "en";
        model.addAttribute("otherLanguage", other);
        model.addAttribute("languageSwitchUrl", languageSwitch(request, other));
        model.addAttribute("devInbox", devInbox);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken(); // the cookie must be set before the response is committed
        }
    }

    /**
     * The same page in the other language. A page shown as the answer to a form (a POST) has no address of its own,
     * so the switch leads to the page the form was on (only its path, so it never leaves the portal).
     */
    private static String languageSwitch(HttpServletRequest request, String language) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        if ("POST".equals(request.getMethod())) {
            path = "/";
            query = null;
            String referer = request.getHeader(HttpHeaders.REFERER);
            if (referer != null) {
                try {
                    URI from = URI.create(referer);
                    if (from.getRawPath() != null && from.getRawPath().startsWith("/")) {
                        path = from.getRawPath();
                        query = from.getRawQuery();
                    }
                } catch (IllegalArgumentException e) {
                    // not a usable address: fall back to the start page
                }
            }
        }
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }

    @ExceptionHandler(Refusal.class)
    String refusal(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(request, model);
        if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE || refusal.status() == HttpStatus.TOO_MANY_REQUESTS) {
            long seconds = refusal.retryAfter() == null
                    ? 30
                    : Math.max(1, refusal.retryAfter().toSeconds());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            model.addAttribute("retryAfter", seconds);
            return "error/503";
        }
        if (refusal.status() == HttpStatus.NOT_FOUND) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "error/404";
        }
        log.info("Portal request refused unexpectedly: {} {}", refusal.code(), refusal.getMessage());
        response.setStatus(refusal.status().value());
        return "error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        Refusal unavailable = DatabaseUnavailable.refusalFor(e).orElse(null);
        if (unavailable != null) {
            log.warn("Database unavailable, portal page answered 503: {}", e.toString());
            return refusal(unavailable, request, response, model);
        }
        log.error("Portal page failed: {}", Redaction.path(request), e);
        common(request, model);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        return "error";
    }
}
