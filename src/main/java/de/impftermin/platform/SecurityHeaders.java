package de.impftermin.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The response headers every answer carries, pages, API, static files, errors and the overload refusal alike: it runs
 * first of all filters, so nothing answers without them.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, images and connections from this origin only, no inline
 *       script or style (every template keeps them in {@code /js} and {@code /css}; {@code TemplatesTests} checks),
 *       no plug-ins, no {@code <base>}, forms only to this origin, and no framing ({@code frame-ancestors 'none'},
 *       with {@code X-Frame-Options: DENY} for old browsers);
 *   <li>{@code Referrer-Policy: same-origin}: links in offers and the manage pages carry tokens, which must not leak to
 *       another site; the portal's language switch after a form needs the referrer of its own pages;
 *   <li>{@code X-Content-Type-Options: nosniff}, and a {@code Permissions-Policy} that switches off what no page uses;
 *   <li>{@code Strict-Transport-Security} for a year, only on a request that came over TLS (directly, or from the
 *       trusted proxy with {@code X-Forwarded-Proto: https}): sent over plain HTTP it would mean nothing.
 * </ul>
 *
 * <p>Every cookie is {@code HttpOnly} and has a {@code SameSite} attribute ({@code Lax} unless it says otherwise), and
 * is {@code Secure} whenever the request came over TLS: the cookies are set in several places (portal state, waiting
 * room, language, CSRF, session), and this is the one place that guarantees the attributes for all of them.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** First of all filters, also when an error page is rendered. */
    static FilterRegistrationBean<SecurityHeaders> registration() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, new CookieAttributes(response, request.isSecure()));
    }

    /** Adds what a {@code Set-Cookie} lacks: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} on TLS. */
    static final class CookieAttributes extends HttpServletResponseWrapper {

        private final boolean secure;

        CookieAttributes(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setHttpOnly(true);
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            if (secure) {
                cookie.setSecure(true);
            }
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, complete(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, complete(name, value));
        }

        private String complete(String name, String value) {
            return HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) ? withAttributes(value, secure) : value;
        }
    }

    static String withAttributes(String setCookie, boolean secure) {
        String lower = setCookie.toLowerCase(Locale.ROOT);
        StringBuilder cookie = new StringBuilder(setCookie);
        if (!lower.matches(".*;\\s*httponly\\b.*")) {
            cookie.append("; HttpOnly");
        }
        if (!lower.matches(".*;\\s*samesite=.*")) {
            cookie.append("; SameSite=Lax");
        }
        if (secure && !lower.matches(".*;\\s*secure\\b.*")) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
