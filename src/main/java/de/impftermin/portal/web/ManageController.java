package de.impftermin.portal.web;

import de.impftermin.booking.BookingLookups;
import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Managing a booking with code and birth date: view it, cancel it (after a confirmation step), or rebook it — the
 * rebooking runs through verification, waiting room and choosing like a new booking, and the old appointments stay
 * booked until the new ones are confirmed.
 */
@Controller
class ManageController {

    private final Bookings bookings;
    private final BookingLookups lookups;
    private final BookingPageController bookingPages;
    private final PortalCookies cookies;
    private final MessageSource messages;
    private final Clock clock;

    ManageController(
            Bookings bookings,
            BookingLookups lookups,
            BookingPageController bookingPages,
            PortalCookies cookies,
            MessageSource messages,
            Clock clock) {
        this.bookings = bookings;
        this.lookups = lookups;
        this.bookingPages = bookingPages;
        this.cookies = cookies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/manage")
    String form(Model model) {
        model.addAttribute("code", "");
        model.addAttribute("birthDate", "");
        model.addAttribute("errors", new FormErrors(messages));
        return "portal/manage";
    }

    @PostMapping("/manage")
    String find(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String birthDate,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String typedCode = code == null ? "" : code.strip();
        String typedBirth = birthDate == null ? "" : birthDate.strip();
        FormErrors errors = new FormErrors(messages);
        if (typedCode.isEmpty()) {
            errors.add("code", "manage.error.code.missing");
        }
        Optional<LocalDate> birth =
                DateInput.birthDate(typedBirth, LocalDate.now(clock.withZone(de.impftermin.shared.BerlinTime.ZONE)));
        if (birth.isEmpty()) {
            errors.add(
                    "birthDate",
                    typedBirth.isEmpty() ? "manage.error.birthDate.missing" : "manage.error.birthDate.invalid");
        }
        int status = 422;
        if (!errors.any()) {
            try {
                Optional<BookingView> booking = lookups.find(typedCode, birth.get(), request.getRemoteAddr());
                if (booking.isPresent()) {
                    cookies.booking(response, booking.get().code(), birth.get());
                    return "redirect:/manage/booking";
                }
                errors.add("code", "manage.error.notFound");
            } catch (Refusal tooMany) {
                if (tooMany.status() != HttpStatus.TOO_MANY_REQUESTS || tooMany.retryAfter() == null) {
                    throw tooMany;
                }
                long seconds = tooMany.retryAfter().toSeconds();
                errors.add("code", "manage.error.tooMany", Long.toString(seconds));
                status = HttpStatus.TOO_MANY_REQUESTS.value();
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            }
        }
        model.addAttribute("code", typedCode);
        model.addAttribute("birthDate", typedBirth);
        model.addAttribute("errors", errors);
        response.setStatus(status);
        return "portal/manage";
    }

    @GetMapping("/manage/booking")
    String view(@RequestParam(required = false) @Nullable String cancelled, HttpServletRequest request, Model model) {
        Optional<BookingView> booking = bookingPages.shown(request);
        if (booking.isEmpty()) {
            return "redirect:/manage";
        }
        model.addAttribute("booking", booking.get());
        model.addAttribute("centre", bookingPages.centre(booking.get()));
        model.addAttribute("justCancelled", cancelled != null);
        return "portal/manage-booking";
    }

    @GetMapping("/manage/cancel")
    String confirmCancel(HttpServletRequest request, Model model) {
        Optional<BookingView> booking = bookingPages.shown(request);
        if (booking.isEmpty()) {
            return "redirect:/manage";
        }
        if (booking.get().status() != BookingView.Status.CONFIRMED) {
            return "redirect:/manage/booking";
        }
        model.addAttribute("booking", booking.get());
        model.addAttribute("centre", bookingPages.centre(booking.get()));
        return "portal/manage-cancel";
    }

    @PostMapping("/manage/cancel")
    String cancel(HttpServletRequest request) {
        Optional<PortalCookies.ShownBooking> shown = cookies.booking(request);
        if (shown.isEmpty()) {
            return "redirect:/manage";
        }
        bookings.cancel(shown.get().code(), shown.get().birthDate());
        return "redirect:/manage/booking?cancelled";
    }

    @PostMapping("/manage/rebook")
    String rebook(HttpServletRequest request, HttpServletResponse response) {
        Optional<PortalCookies.ShownBooking> shown = cookies.booking(request);
        Optional<BookingView> booking = bookingPages.shown(request);
        if (shown.isEmpty() || booking.isEmpty() || booking.get().status() != BookingView.Status.CONFIRMED) {
            return "redirect:/manage";
        }
        var persons = booking.get().persons().stream()
                .map(p -> new Applicant(p.birthDate(), p.postalCode()))
                .toList();
        cookies.flow(
                response,
                cookies.flow(request)
                        .rebooking(persons, booking.get().code(), shown.get().birthDate()));
        return "redirect:/verification";
    }
}
