package de.impftermin.portal.web;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Language;
import de.impftermin.verification.VerificationStarted;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Proving a phone number or e-mail address with a 6-digit code, as every citizen page does it (booking, call-back):
 * sending the code and keeping its verification in the flow cookie, then checking the typed code and keeping the
 * token in its cookie. Each step answers the message key of what went wrong, or nothing when it went through.
 */
@Component
class VerificationStep {

    static final Duration TOKEN_LIFE = Duration.ofHours(2);

    private final Verifications verifications;
    private final PortalCookies cookies;

    VerificationStep(Verifications verifications, PortalCookies cookies) {
        this.verifications = verifications;
        this.cookies = cookies;
    }

    /** Sends a code to {@code typed}; on success the flow remembers the verification. */
    Optional<String> send(
            Flow flow, MessageChannel channel, String typed, HttpServletRequest request, HttpServletResponse response) {
        if (typed.isEmpty()) {
            return Optional.of("verification.error.address.missing." + channel.name());
        }
        try {
            VerificationStarted started = verifications.start(channel, typed, request.getRemoteAddr(), language());
            cookies.flow(response, flow.withVerification(started.id(), channel, typed));
            return Optional.empty();
        } catch (Refusal refusal) {
            return Optional.of(errorKey(refusal, channel));
        }
    }

    /** Checks the typed code against the flow's verification; on success the token cookie proves the address. */
    Optional<String> confirm(Flow flow, @Nullable String code, HttpServletResponse response) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("[0-9]{6}")) {
            return Optional.of(typed.isEmpty() ? "verification.error.code.missing" : "verification.error.code.format");
        }
        try {
            String token = verifications.confirm(flow.verificationId(), typed);
            cookies.write(response, PortalCookies.TOKEN, token, TOKEN_LIFE);
            return Optional.empty();
        } catch (Refusal refusal) {
            return Optional.of("verification.error.code." + refusal.code());
        }
    }

    static String errorKey(Refusal refusal, MessageChannel channel) {
        return switch (refusal.code()) {
            case "TOO_MANY_REQUESTS" -> "verification.error.tooMany";
            case "INVALID_ADDRESS" -> "verification.error.address.invalid." + channel.name();
            default -> "verification.error.unknown";
        };
    }

    static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
