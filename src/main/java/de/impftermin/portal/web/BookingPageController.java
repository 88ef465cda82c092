package de.impftermin.portal.web;

import de.impftermin.booking.Appointment;
import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.notifications.CalendarFile;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Step 6: the confirmation — booking code, both appointments of every person with the address and what to bring, a
 * print view and the calendar file. The booking shown is the one in the signed booking cookie (set after booking or
 * after code + birth date were entered on the manage page).
 */
@Controller
class BookingPageController {

    private final Bookings bookings;
    private final Centres centres;
    private final PortalCookies cookies;
    private final MessageSource messages;
    private final Clock clock;

    BookingPageController(
            Bookings bookings, Centres centres, PortalCookies cookies, MessageSource messages, Clock clock) {
        this.bookings = bookings;
        this.centres = centres;
        this.cookies = cookies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/confirmation")
    String confirmation(HttpServletRequest request, Model model) {
        Optional<BookingView> booking = shown(request);
        if (booking.isEmpty()) {
            return "redirect:/manage";
        }
        model.addAttribute("booking", booking.get());
        model.addAttribute("centre", centre(booking.get()));
        model.addAttribute("rebooked", request.getParameter("rebooked") != null);
        return "portal/confirmation";
    }

    @GetMapping("/booking/calendar.ics")
    ResponseEntity<byte[]> calendar(HttpServletRequest request) {
        BookingView booking = shown(request).orElseThrow(() -> Refusal.notFound("Booking"));
        Centre centre = centre(booking);
        String where = centre.name() + ", " + centre.address() + ", " + centre.postalCode();
        List<CalendarFile.Event> events = booking.appointments().stream()
                .map(a -> event(booking, a, where))
                .toList();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("impftermine-" + booking.code() + ".ics")
                                .build()
                                .toString())
                .body(CalendarFile.of(events, clock.instant()));
    }

    Optional<BookingView> shown(HttpServletRequest request) {
        return cookies.booking(request).flatMap(b -> bookings.find(b.code(), b.birthDate()));
    }

    Centre centre(BookingView booking) {
        return centres.find(booking.centreId()).orElseThrow(() -> Refusal.notFound("Centre"));
    }

    private CalendarFile.Event event(BookingView booking, Appointment a, String where) {
        var person = booking.persons().get(a.person());
        String summary = messages.getMessage(
                "calendar.summary",
                new Object[] {
                    a.dose(),
                    person.firstName() + " " + person.lastName(),
                    a.vaccine().displayName()
                },
                LocaleContextHolder.getLocale());
        String description = messages.getMessage(
                "calendar.description", new Object[] {booking.code()}, LocaleContextHolder.getLocale());
        return new CalendarFile.Event(
                booking.code() + "-" + a.person() + "-" + a.dose() + "@impftermin",
                a.startsAt().toInstant(),
                Duration.ofMinutes(30),
                summary,
                where,
                description);
    }
}
