package de.impftermin.portal.web;

import de.impftermin.platform.Signer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's state between pages, in HttpOnly cookies, so that no instance keeps a session: the flow (signed), the
 * verification token, the waiting-room ticket and admission pass (signed by their modules), and the booking being
 * shown (signed: code and birth date, the same proof the manage form asks for).
 */
@Component
class PortalCookies {

    static final String FLOW = "impf_flow";
    static final String TOKEN = "impf_token";
    static final String TICKET = "impf_ticket";
    static final String PASS = "impf_pass";
    static final String BOOKING = "impf_booking";
    private static final Duration FLOW_LIFE = Duration.ofDays(1);
    private static final Duration BOOKING_LIFE = Duration.ofHours(2);

    record ShownBooking(String code, LocalDate birthDate) {}

    private final Signer signer;
    private final JsonMapper json;
    private final Clock clock;

    PortalCookies(Signer signer, JsonMapper json, Clock clock) {
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    Flow flow(HttpServletRequest request) {
        return read(request, FLOW)
                .flatMap(value -> signer.verify("portal-flow", value))
                .flatMap(this::parseFlow)
                .orElse(Flow.EMPTY);
    }

    void flow(HttpServletResponse response, Flow flow) {
        String value = signer.sign(
                "portal-flow", json.writeValueAsString(flow), clock.instant().plus(FLOW_LIFE));
        write(response, FLOW, value, FLOW_LIFE);
    }

    Optional<ShownBooking> booking(HttpServletRequest request) {
        return read(request, BOOKING)
                .flatMap(value -> signer.verify("portal-booking", value))
                .flatMap(payload -> {
                    int bar = payload.indexOf('|');
                    try {
                        return Optional.of(new ShownBooking(
                                payload.substring(0, bar), LocalDate.parse(payload.substring(bar + 1))));
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                });
    }

    void booking(HttpServletResponse response, String code, LocalDate birthDate) {
        String value = signer.sign(
                "portal-booking", code + "|" + birthDate, clock.instant().plus(BOOKING_LIFE));
        write(response, BOOKING, value, BOOKING_LIFE);
    }

    Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> c.getName().equals(name))
                .map(Cookie::getValue)
                .filter(v -> !v.isBlank() && v.length() < 4000)
                .findFirst();
    }

    void write(HttpServletResponse response, String name, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    void clear(HttpServletResponse response, String name) {
        write(response, name, "", Duration.ZERO);
    }

    private Optional<Flow> parseFlow(String payload) {
        try {
            return Optional.of(json.readValue(payload, Flow.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
