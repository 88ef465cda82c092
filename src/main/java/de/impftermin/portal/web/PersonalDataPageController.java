package de.impftermin.portal.web;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Contact;
import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.FormErrors;
import de.impftermin.privacy.CitizenData;
import de.impftermin.privacy.CitizenRequest;
import de.impftermin.privacy.Disclosure;
import de.impftermin.privacy.Erasure;
import de.impftermin.privacy.PersonalData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Meine Daten": everything stored about the booking shown (the one of the signed booking cookie: code and birth
 * date), and after cancelling its erasure. Before either, the citizen confirms one of the booking's addresses with a
 * code sent there (the same verification step as for booking); the addresses are shown masked, and a citizen chooses
 * only where the code goes, never types an address. The rules are the privacy module's ({@link CitizenData}).
 */
@Controller
class PersonalDataPageController {

    private final CitizenData citizenData;
    private final BookingPageController bookingPages;
    private final PortalCookies cookies;
    private final VerificationStep step;
    private final MessageSource messages;
    private final JsonMapper json;

    PersonalDataPageController(
            CitizenData citizenData,
            BookingPageController bookingPages,
            PortalCookies cookies,
            VerificationStep step,
            MessageSource messages,
            JsonMapper json) {
        this.citizenData = citizenData;
        this.bookingPages = bookingPages;
        this.cookies = cookies;
        this.step = step;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/manage/data")
    String data(HttpServletRequest request, Model model) {
        Optional<PortalCookies.ShownBooking> shown = cookies.booking(request);
        if (shown.isEmpty()) {
            return "redirect:/manage";
        }
        return switch (disclose(shown.get(), request)) {
            case Disclosure.Disclosed disclosed -> {
                model.addAttribute("data", disclosed.data());
                model.addAttribute("booking", disclosed.data().booking().booking());
                model.addAttribute(
                        "centre", bookingPages.centre(disclosed.data().booking().booking()));
                yield "portal/data";
            }
            case Disclosure.Refused refused ->
                refused.reason() == CitizenRequest.NOT_FOUND
                        ? "redirect:/manage"
                        : verifyPage(request, new FormErrors(messages), model);
        };
    }

    @GetMapping("/manage/data/impftermin-daten.json")
    ResponseEntity<byte[]> download(HttpServletRequest request) {
        Optional<PortalCookies.ShownBooking> shown = cookies.booking(request);
        if (shown.isEmpty() || !(disclose(shown.get(), request) instanceof Disclosure.Disclosed disclosed)) {
            return ResponseEntity.notFound().build();
        }
        PersonalData data = disclosed.data();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("impftermin-daten.json")
                                .build()
                                .toString())
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
    }

    @PostMapping("/manage/data/verify")
    String sendCode(
            @RequestParam(required = false) @Nullable String channel,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<BookingView> booking = bookingPages.shown(request);
        if (booking.isEmpty()) {
            return "redirect:/manage";
        }
        Contact contact = booking.get().contact();
        MessageChannel chosen = "EMAIL".equals(channel) ? MessageChannel.EMAIL : MessageChannel.SMS;
        String address = chosen == MessageChannel.EMAIL ? contact.email() : contact.phone();
        if (address == null) {
            return "redirect:/manage/data";
        }
        Optional<String> problem = step.send(cookies.flow(request), chosen, address, request, response);
        if (problem.isEmpty()) {
            return "redirect:/manage/data/code";
        }
        response.setStatus(422);
        return verifyPage(request, new FormErrors(messages).add("channel", problem.get()), model);
    }

    @GetMapping("/manage/data/code")
    String codeForm(HttpServletRequest request, Model model) {
        Flow flow = cookies.flow(request);
        if (flow.verificationId() == null || cookies.booking(request).isEmpty()) {
            return "redirect:/manage/data";
        }
        return codePage(flow, new FormErrors(messages), model);
    }

    @PostMapping("/manage/data/code")
    String confirmCode(
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Flow flow = cookies.flow(request);
        if (flow.verificationId() == null || cookies.booking(request).isEmpty()) {
            return "redirect:/manage/data";
        }
        Optional<String> problem = step.confirm(flow, code, response);
        if (problem.isEmpty()) {
            return "redirect:/manage/data";
        }
        response.setStatus(422);
        return codePage(flow, new FormErrors(messages).add("code", problem.get()), model);
    }

    @GetMapping("/manage/data/erase")
    String confirmErasure(HttpServletRequest request, Model model) {
        Optional<PortalCookies.ShownBooking> shown = cookies.booking(request);
        if (shown.isEmpty()) {
            return "redirect:/manage";
        }
        if (!(disclose(shown.get(), request) instanceof Disclosure.Disclosed disclosed)
                || disclosed.data().booking().booking().status() != BookingView.Status.CANCELLED) {
            return "redirect:/manage/data";
        }
        model.addAttribute("booking", disclosed.data().booking().booking());
        return "portal/data-erase";
    }

    @PostMapping("/manage/data/erase")
    String erase(HttpServletRequest request, HttpServletResponse response) {
        Optional<PortalCookies.ShownBooking> shown = cookies.booking(request);
        if (shown.isEmpty()) {
            return "redirect:/manage";
        }
        Erasure erasure = citizenData.erase(
                shown.get().code(),
                shown.get().birthDate(),
                cookies.read(request, PortalCookies.TOKEN).orElse(null));
        if (erasure instanceof Erasure.Erased) {
            cookies.clear(response, PortalCookies.BOOKING);
            return "redirect:/manage/data/erased";
        }
        return "redirect:/manage/data";
    }

    @GetMapping("/manage/data/erased")
    String erased() {
        return "portal/data-erased";
    }

    private Disclosure disclose(PortalCookies.ShownBooking shown, HttpServletRequest request) {
        return citizenData.disclose(
                shown.code(),
                shown.birthDate(),
                cookies.read(request, PortalCookies.TOKEN).orElse(null));
    }

    private String verifyPage(HttpServletRequest request, FormErrors errors, Model model) {
        Optional<BookingView> booking = bookingPages.shown(request);
        if (booking.isEmpty()) {
            return "redirect:/manage";
        }
        Contact contact = booking.get().contact();
        model.addAttribute("booking", booking.get());
        model.addAttribute("phone", contact.phone() == null ? null : masked(contact.phone()));
        model.addAttribute("email", contact.email() == null ? null : masked(contact.email()));
        model.addAttribute("errors", errors);
        return "portal/data-verify";
    }

    private String codePage(Flow flow, FormErrors errors, Model model) {
        model.addAttribute(
                "channel", flow.channel() == null ? "SMS" : flow.channel().name());
        model.addAttribute("address", flow.address() == null ? "" : masked(flow.address()));
        model.addAttribute("errors", errors);
        return "portal/data-code";
    }

    /**
     * An address as the page shows it: enough to recognise one's own ({@code +49170•••••67},
     * {@code e•••@example.org}), too little to learn someone else's from a found booking code and birth date.
     */
    static String masked(String address) {
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "•••" + address.substring(at);
        }
        if (address.length() <= 8) {
            return "•".repeat(address.length());
        }
        return address.substring(0, 6) + "•".repeat(address.length() - 8) + address.substring(address.length() - 2);
    }
}
