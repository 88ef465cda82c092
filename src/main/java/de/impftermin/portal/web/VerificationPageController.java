package de.impftermin.portal.web;

import de.impftermin.notifications.DeliveryDelays;
import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.verification.VerificationStarted;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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

    private final Verifications verifications;
    private final DeliveryDelays delays;
    private final PortalCookies cookies;
    private final VerificationStep step;
    private final MessageSource messages;

    VerificationPageController(
            Verifications verifications,
            DeliveryDelays delays,
            PortalCookies cookies,
            VerificationStep step,
            MessageSource messages) {
        this.verifications = verifications;
        this.delays = delays;
        this.cookies = cookies;
        this.step = step;
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
        Optional<String> problem = step.send(flow, chosen, typed, request, response);
        if (problem.isEmpty()) {
            return "redirect:/verification/code";
        }
        FormErrors errors = new FormErrors(messages).add("address", problem.get());
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
        Optional<String> problem = step.confirm(flow, code, response);
        if (problem.isEmpty()) {
            return "redirect:/waiting-room";
        }
        response.setStatus(422);
        return codePage(flow, false, new FormErrors(messages).add("code", problem.get()), model);
    }

    @PostMapping("/verification/resend")
    String resend(HttpServletRequest request, HttpServletResponse response, Model model) {
        Flow flow = cookies.flow(request);
        if (flow.channel() == null || flow.address() == null) {
            return "redirect:/verification";
        }
        try {
            VerificationStarted started = verifications.start(
                    flow.channel(), flow.address(), request.getRemoteAddr(), VerificationStep.language());
            cookies.flow(response, flow.withVerification(started.id(), flow.channel(), flow.address()));
            return "redirect:/verification/code?resent";
        } catch (Refusal refusal) {
            FormErrors errors = new FormErrors(messages);
            errors.add("code", VerificationStep.errorKey(refusal, flow.channel()));
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

    private boolean isVerified(HttpServletRequest request) {
        return cookies.read(request, PortalCookies.TOKEN)
                .flatMap(verifications::verifiedBy)
                .isPresent();
    }
}
