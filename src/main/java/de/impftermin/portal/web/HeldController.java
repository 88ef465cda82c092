package de.impftermin.portal.web;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import de.impftermin.booking.Contact;
import de.impftermin.booking.HoldView;
import de.impftermin.booking.PersonDetails;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Language;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step 5: the held appointments (counting down) and the personal data; or, when rebooking, the old and the new
 * appointments side by side and one button that moves the booking. Confirming carries an idempotency key from the
 * form, so a double click or a resubmitted form never books twice.
 */
@Controller
class HeldController {

    private static final String NAME = "[^\\p{Cntrl}<>]{1,100}";

    /** What was typed for one person; birth date and postal code come from the eligibility step. */
    record PersonInput(String firstName, String lastName, Applicant applicant) {}

    private final Bookings bookings;
    private final Centres centres;
    private final Verifications verifications;
    private final Journey journey;
    private final PortalCookies cookies;
    private final MessageSource messages;
    private final Clock clock;

    HeldController(
            Bookings bookings,
            Centres centres,
            Verifications verifications,
            Journey journey,
            PortalCookies cookies,
            MessageSource messages,
            Clock clock) {
        this.bookings = bookings;
        this.centres = centres;
        this.verifications = verifications;
        this.journey = journey;
        this.cookies = cookies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/appointments/held/{holdId}")
    String held(@PathVariable UUID holdId, HttpServletRequest request, Model model) {
        Optional<HoldView> hold = liveHold(holdId, request);
        if (hold.isEmpty()) {
            return journey.token(request).isEmpty() ? "redirect:/verification" : "portal/hold-expired";
        }
        Flow flow = cookies.flow(request);
        List<PersonInput> inputs = new ArrayList<>();
        for (Applicant applicant : flow.persons()) {
            inputs.add(new PersonInput("", "", applicant));
        }
        String verified = journey.token(request)
                .flatMap(verifications::verifiedBy)
                .map(ContactAddress::value)
                .orElse("");
        boolean sms = verified.startsWith("+");
        return page(
                hold.get(), flow, inputs, sms ? verified : "", sms ? "" : verified, new FormErrors(messages), model);
    }

    @PostMapping("/appointments/held/{holdId}")
    String confirm(
            @PathVariable UUID holdId,
            @RequestParam(required = false) @Nullable String idempotencyKey,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<HoldView> hold = liveHold(holdId, request);
        if (hold.isEmpty()) {
            return journey.token(request).isEmpty() ? "redirect:/verification" : "portal/hold-expired";
        }
        Flow flow = cookies.flow(request);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (flow.isRebooking()) {
            return rebook(hold.get(), flow, key, request, response);
        }
        FormErrors errors = new FormErrors(messages);
        List<PersonInput> inputs = new ArrayList<>();
        List<PersonDetails> persons = new ArrayList<>();
        for (int i = 0; i < flow.persons().size(); i++) {
            Applicant applicant = flow.persons().get(i);
            String first = param(request, "firstName" + i);
            String last = param(request, "lastName" + i);
            inputs.add(new PersonInput(first, last, applicant));
            if (!first.matches(NAME)) {
                errors.add(
                        "firstName" + i,
                        first.isEmpty() ? "held.error.firstName.missing" : "held.error.name.invalid",
                        i + 1);
            }
            if (!last.matches(NAME)) {
                errors.add(
                        "lastName" + i,
                        last.isEmpty() ? "held.error.lastName.missing" : "held.error.name.invalid",
                        i + 1);
            }
            persons.add(new PersonDetails(first, last, applicant.birthDate(), applicant.postalCode()));
        }
        String typedPhone = phone == null ? "" : phone.strip();
        String typedEmail = email == null ? "" : email.strip();
        String normalisedPhone = null;
        String normalisedEmail = null;
        try {
            normalisedPhone = typedPhone.isEmpty() ? null : ContactAddress.phone(typedPhone);
        } catch (Refusal invalid) {
            errors.add("phone", "held.error.phone.invalid");
        }
        try {
            normalisedEmail = typedEmail.isEmpty()
                    ? null
                    : ContactAddress.of(de.impftermin.notifications.MessageChannel.EMAIL, typedEmail)
                            .value();
        } catch (Refusal invalid) {
            errors.add("email", "held.error.email.invalid");
        }
        if (!errors.any()) {
            try {
                BookingView booking = bookings.confirm(
                        journey.token(request).orElse(null),
                        key,
                        hold.get().id(),
                        persons,
                        new Contact(normalisedPhone, normalisedEmail, Language.of(LocaleContextHolder.getLocale())));
                cookies.booking(
                        response, booking.code(), booking.persons().getFirst().birthDate());
                return "redirect:/confirmation";
            } catch (Refusal refusal) {
                switch (refusal.code()) {
                    case "HOLD_EXPIRED" -> {
                        return "portal/hold-expired";
                    }
                    case "ALREADY_BOOKED" -> errors.add("firstName0", "held.error.alreadyBooked");
                    case "NOT_ELIGIBLE" -> errors.add("firstName0", "choose.error.notEligible");
                    case "VERIFICATION_REQUIRED" -> {
                        return "redirect:/verification";
                    }
                    default -> throw refusal;
                }
            }
        }
        response.setStatus(422);
        return page(hold.get(), flow, inputs, typedPhone, typedEmail, errors, model);
    }

    private String rebook(
            HoldView hold, Flow flow, @Nullable String key, HttpServletRequest request, HttpServletResponse response) {
        try {
            BookingView booking = bookings.rebook(
                    flow.rebookCode(),
                    flow.rebookBirthDate(),
                    journey.token(request).orElse(null),
                    key,
                    hold.id());
            cookies.booking(response, booking.code(), flow.rebookBirthDate());
            cookies.flow(response, flow.withoutRebooking());
            return "redirect:/confirmation?rebooked";
        } catch (Refusal refusal) {
            if (refusal.code().equals("HOLD_EXPIRED")) {
                return "portal/hold-expired";
            }
            throw refusal;
        }
    }

    private String page(
            HoldView hold,
            Flow flow,
            List<PersonInput> persons,
            String phone,
            String email,
            FormErrors errors,
            Model model) {
        Centre centre = centres.find(
                        hold.series().getFirst().appointments().getFirst().centreId())
                .orElseThrow(() -> Refusal.notFound("Centre"));
        model.addAttribute("hold", hold);
        model.addAttribute("centre", centre);
        model.addAttribute("persons", persons);
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute(
                "secondsLeft",
                Math.max(0, hold.expiresAt().toEpochSecond() - clock.instant().getEpochSecond()));
        model.addAttribute(
                "oldBooking",
                flow.isRebooking()
                        ? bookings.find(flow.rebookCode(), flow.rebookBirthDate())
                                .orElse(null)
                        : null);
        return "portal/held";
    }

    private Optional<HoldView> liveHold(UUID holdId, HttpServletRequest request) {
        Optional<String> token = journey.token(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return bookings.findHold(token.get(), holdId)
                .filter(h -> h.expiresAt().toInstant().isAfter(clock.instant()));
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
