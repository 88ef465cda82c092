package de.impftermin.portal.web;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
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

    BookingPageController(Bookings bookings, Centres centres, PortalCookies cookies) {
        this.bookings = bookings;
        this.centres = centres;
        this.cookies = cookies;
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
        PortalCookies.ShownBooking shown = cookies.booking(request).orElseThrow(() -> Refusal.notFound("Booking"));
        byte[] ics =
                bookings.calendarFile(shown.code(), shown.birthDate()).orElseThrow(() -> Refusal.notFound("Booking"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("impftermine-" + shown.code() + ".ics")
                                .build()
                                .toString())
                .body(ics);
    }

    Optional<BookingView> shown(HttpServletRequest request) {
        return cookies.booking(request).flatMap(b -> bookings.find(b.code(), b.birthDate()));
    }

    Centre centre(BookingView booking) {
        return centres.find(booking.centreId()).orElseThrow(() -> Refusal.notFound("Centre"));
    }
}
