package de.impftermin.portal.web;

import de.impftermin.notifications.DeliveryDelays;
import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Language;
import de.impftermin.verification.VerificationStarted;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step 2: prove a phone number or e-mail address with a 6-digit code. The verification under way is kept in the flow
 * cookie, so a late code can still be entered after closing the tab; a new code can be requested within the limits.
 * When the outbox measures that messages of the channel are currently slow, the code page says so.
 */
@Controller
class VerificationPageController {

    private static final Duration TOKEN_LIFE = Duration.ofHours(2);

    private final Verifications verifications;
    private final DeliveryDelays delays;
    private final PortalCookies cookies;
    private final MessageSource messages;

    VerificationPageController(
            Verifications verifications, DeliveryDelays delays, PortalCookies cookies, MessageSource messages) {
        this.verifications = verifications;
        this.delays = delays;
        this.cookies = cookies;
        this.messages = messages;
    }

    @GetMapping("/verification")
    String form(HttpServletRequest request, Model model) {
        Flow flow = cookies.flow(request);
        if (!flow.hasPersons()) {
            return "redirect:/eligibility";
        }
        if (isVerified(request)) {
            return "redirect:/waiting-room";
        }
        model.addAttribute(
                "channel", flow.channel() == null ? "SMS" : flow.channel().name());
        model.addAttribute("address", flow.address() == null ? "" : flow.address());
        model.addAttribute("errors", new FormErrors(messages));
        return "portal/verification";
    }

    @PostMapping("/verification")
    String start(
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String address,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Flow flow = cookies.flow(request);
        if (!flow.hasPersons()) {
            return "redirect:/eligibility";
        }
        MessageChannel chosen = "EMAIL".equals(channel) ? MessageChannel.EMAIL : MessageChannel.SMS;
        String typed = address == null ? "" : address.strip();
        FormErrors errors = new FormErrors(messages);
        if (typed.isEmpty()) {
            errors.add("address", "verification.error.address.missing." + chosen.name());
        } else {
            try {
                VerificationStarted started = verifications.start(chosen, typed, request.getRemoteAddr(), language());
                cookies.flow(response, flow.withVerification(started.id(), chosen, typed));
                return "redirect:/verification/code";
            } catch (Refusal refusal) {
                errors.add("address", errorKey(refusal, chosen));
            }
        }
        model.addAttribute("channel", chosen.name());
        model.addAttribute("address", typed);
        model.addAttribute("errors", errors);
        response.setStatus(422);
        return "portal/verification";
    }

    @GetMapping("/verification/code")
    String codeForm(@RequestParam(required = false) @Nullable String resent, HttpServletRequest request, Model model) {
        Flow flow = cookies.flow(request);
        if (flow.verificationId() == null) {
            return "redirect:/verification";
        }
        return codePage(flow, resent != null, new FormErrors(messages), model);
    }

    @PostMapping("/verification/code")
    String confirm(
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Flow flow = cookies.flow(request);
        if (flow.verificationId() == null) {
            return "redirect:/verification";
        }
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        FormErrors errors = new FormErrors(messages);
        if (!typed.matches("[0-9]{6}")) {
            errors.add("code", typed.isEmpty() ? "verification.error.code.missing" : "verification.error.code.format");
        } else {
            try {
                String token = verifications.confirm(flow.verificationId(), typed);
                cookies.write(response, PortalCookies.TOKEN, token, TOKEN_LIFE);
                return "redirect:/waiting-room";
            } catch (Refusal refusal) {
                errors.add("code", "verification.error.code." + refusal.code());
            }
        }
        response.setStatus(422);
        return codePage(flow, false, errors, model);
    }

    @PostMapping("/verification/resend")
    String resend(HttpServletRequest request, HttpServletResponse response, Model model) {
        Flow flow = cookies.flow(request);
        if (flow.channel() == null || flow.address() == null) {
            return "redirect:/verification";
        }
        try {
            VerificationStarted started =
                    verifications.start(flow.channel(), flow.address(), request.getRemoteAddr(), language());
            cookies.flow(response, flow.withVerification(started.id(), flow.channel(), flow.address()));
            return "redirect:/verification/code?resent";
        } catch (Refusal refusal) {
            FormErrors errors = new FormErrors(messages);
            errors.add("code", errorKey(refusal, flow.channel()));
            response.setStatus(refusal.status().value());
            return codePage(flow, false, errors, model);
        }
    }

    private String codePage(Flow flow, boolean resent, FormErrors errors, Model model) {
        model.addAttribute(
                "channel", flow.channel() == null ? "SMS" : flow.channel().name());
        model.addAttribute("address", flow.address());
        model.addAttribute("resent", resent);
        model.addAttribute("errors", errors);
        return "portal/verification-code";
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    private boolean isVerified(HttpServletRequest request) {
        return cookies.read(request, PortalCookies.TOKEN)
                .flatMap(verifications::verifiedBy)
                .isPresent();
    }

    private static String errorKey(Refusal refusal, MessageChannel channel) {
        return switch (refusal.code()) {
            case "TOO_MANY_REQUESTS" -> "verification.error.tooMany";
            case "INVALID_ADDRESS" -> "verification.error.address.invalid." + channel.name();
            default -> "verification.error.unknown";
        };
    }
}
