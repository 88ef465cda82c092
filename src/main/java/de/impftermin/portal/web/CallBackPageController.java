package de.impftermin.portal.web;

import de.impftermin.hotline.CallBackRequested;
import de.impftermin.hotline.CallBackView;
import de.impftermin.hotline.CallBacks;
import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.FormErrors;
import de.impftermin.shared.Language;
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
 * A call-back instead of redialling: phone number, the SMS code (the same verification as for booking, kept in the
 * flow cookie), postal code and number of people, then a status page with the position and the expected time. The
 * request itself belongs to the hotline module; this page only calls its API.
 */
@Controller
class CallBackPageController {

    private final CallBacks callBacks;
    private final Verifications verifications;
    private final PortalCookies cookies;
    private final VerificationStep step;
    private final MessageSource messages;

    CallBackPageController(
            CallBacks callBacks,
            Verifications verifications,
            PortalCookies cookies,
            VerificationStep step,
            MessageSource messages) {
        this.callBacks = callBacks;
        this.verifications = verifications;
        this.cookies = cookies;
        this.step = step;
        this.messages = messages;
    }

    @GetMapping("/rueckruf")
    String start(HttpServletRequest request, Model model) {
        Optional<String> token = smsToken(request);
        if (token.isEmpty()) {
            return phonePage("", new FormErrors(messages), model);
        }
        if (callBacks
                .latest(token.get())
                .filter(c -> !c.status().equals("DONE"))
                .isPresent()) {
            return "redirect:/rueckruf/status";
        }
        return requestPage("", "1", new FormErrors(messages), model);
    }

    @PostMapping("/rueckruf/telefon")
    String sendCode(
            @RequestParam(required = false) @Nullable String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String typed = phone == null ? "" : phone.strip();
        Optional<String> problem = step.send(cookies.flow(request), MessageChannel.SMS, typed, request, response);
        if (problem.isEmpty()) {
            return "redirect:/rueckruf/code";
        }
        response.setStatus(422);
        return phonePage(typed, new FormErrors(messages).add("phone", problem.get()), model);
    }

    @GetMapping("/rueckruf/code")
    String codeForm(HttpServletRequest request, Model model) {
        Flow flow = cookies.flow(request);
        if (flow.verificationId() == null || flow.channel() != MessageChannel.SMS) {
            return "redirect:/rueckruf";
        }
        return codePage(flow, new FormErrors(messages), model);
    }

    @PostMapping("/rueckruf/code")
    String confirm(
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Flow flow = cookies.flow(request);
        if (flow.verificationId() == null || flow.channel() != MessageChannel.SMS) {
            return "redirect:/rueckruf";
        }
        Optional<String> problem = step.confirm(flow, code, response);
        if (problem.isEmpty()) {
            return "redirect:/rueckruf";
        }
        response.setStatus(422);
        return codePage(flow, new FormErrors(messages).add("code", problem.get()), model);
    }

    @PostMapping("/rueckruf")
    String request(
            @RequestParam(required = false) @Nullable String postalCode,
            @RequestParam(required = false) @Nullable String persons,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> token = smsToken(request);
        if (token.isEmpty()) {
            return "redirect:/rueckruf";
        }
        String plz = postalCode == null ? "" : postalCode.strip();
        String count = persons == null ? "" : persons.strip();
        FormErrors errors = new FormErrors(messages);
        if (!plz.matches("[0-9]{5}")) {
            errors.add("postalCode", "callback.error.postalCode");
        }
        if (!count.matches("[1-4]")) {
            errors.add("persons", "callback.error.persons");
        }
        if (!errors.any()) {
            CallBackRequested result =
                    callBacks.request(token.get(), plz, Integer.parseInt(count), request.getRemoteAddr(), language());
            switch (result) {
                case CallBackRequested.Queued queued -> {
                    return "redirect:/rueckruf/status";
                }
                case CallBackRequested.TooManyRequests tooMany -> errors.add("postalCode", "callback.error.tooMany");
                case CallBackRequested.Invalid invalid -> errors.add("postalCode", "callback.error.postalCode");
                case CallBackRequested.VerificationRequired required -> {
                    return "redirect:/rueckruf";
                }
            }
        }
        response.setStatus(422);
        return requestPage(plz, count, errors, model);
    }

    @GetMapping("/rueckruf/status")
    String status(HttpServletRequest request, Model model) {
        Optional<CallBackView> callBack = smsToken(request).flatMap(callBacks::latest);
        if (callBack.isEmpty()) {
            return "redirect:/rueckruf";
        }
        model.addAttribute("callBack", callBack.get());
        return "portal/callback-status";
    }

    private String phonePage(String phone, FormErrors errors, Model model) {
        model.addAttribute("phone", phone);
        model.addAttribute("errors", errors);
        return "portal/callback-phone";
    }

    private String codePage(Flow flow, FormErrors errors, Model model) {
        model.addAttribute("address", flow.address());
        model.addAttribute("errors", errors);
        return "portal/callback-code";
    }

    private String requestPage(String postalCode, String persons, FormErrors errors, Model model) {
        model.addAttribute("postalCode", postalCode);
        model.addAttribute("persons", persons);
        model.addAttribute("errors", errors);
        return "portal/callback-request";
    }

    private Optional<String> smsToken(HttpServletRequest request) {
        return cookies.read(request, PortalCookies.TOKEN)
                .filter(t -> verifications
                        .verifiedBy(t)
                        .filter(a -> a.channel() == MessageChannel.SMS)
                        .isPresent());
    }

    private static Language language() {
        return VerificationStep.language();
    }
}
