package de.impftermin.hotline.console;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One booking as the agent handles it for the caller: the code spelled out for reading aloud, every person's doses,
 * and cancel, rebook, resend and the printable letter. A booking is always opened by its code and a person's birth
 * date, and every opening is audited (by {@link HotlineBookings#find}).
 */
@Controller
@RequestMapping("/staff/hotline/bookings/{code}")
@PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
class ConsoleBookingController {

    private final HotlineBookings bookings;
    private final Centres centres;

    ConsoleBookingController(HotlineBookings bookings, Centres centres) {
        this.bookings = bookings;
        this.centres = centres;
    }

    /** The booking page's address; {@code created} shows it as the confirmation of a new booking. */
    static String path(BookingView booking, boolean created) {
        return UriComponentsBuilder.fromPath("/staff/hotline/bookings/{code}")
                .queryParam("birthDate", booking.persons().getFirst().birthDate())
                .queryParamIfPresent("created", created ? java.util.Optional.of("") : java.util.Optional.empty())
                .buildAndExpand(booking.code())
                .toUriString();
    }

    @GetMapping
    String booking(
            @PathVariable String code,
            @RequestParam LocalDate birthDate,
            @RequestParam(required = false) String created,
            Model model) {
        BookingView booking = show(code, birthDate, model);
        model.addAttribute("created", created != null);
        model.addAttribute("spelled", Spelling.spell(booking.code(), LocaleContextHolder.getLocale()));
        return "hotline/booking";
    }

    @GetMapping("/letter")
    String letter(@PathVariable String code, @RequestParam LocalDate birthDate, Model model) {
        show(code, birthDate, model);
        return "hotline/letter";
    }

    @GetMapping("/cancel")
    String cancelQuestion(@PathVariable String code, @RequestParam LocalDate birthDate, Model model) {
        show(code, birthDate, model);
        return "hotline/cancel";
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String code, @RequestParam LocalDate birthDate, RedirectAttributes redirect) {
        BookingView booking = bookings.cancel(code, birthDate);
        redirect.addFlashAttribute("notice", "hotline.booking.cancelled");
        return "redirect:" + path(booking, false);
    }

    @PostMapping("/resend")
    String resend(@PathVariable String code, @RequestParam LocalDate birthDate, RedirectAttributes redirect) {
        try {
            BookingView booking = bookings.resendConfirmation(code, birthDate);
            redirect.addFlashAttribute("notice", "hotline.booking.resent");
            return "redirect:" + path(booking, false);
        } catch (Refusal refusal) {
            if (refusal.code().equals("NOT_FOUND")) {
                throw refusal;
            }
            redirect.addFlashAttribute("notice", ConsoleAdvice.explanation(refusal));
            return "redirect:/staff/hotline/bookings/" + code + "?birthDate=" + birthDate;
        }
    }

    /** Starts a rebooking: the caller card takes the booking's persons; the next hold can replace the booking. */
    @PostMapping("/rebook")
    String rebook(@PathVariable String code, @RequestParam LocalDate birthDate, HttpSession session) {
        BookingView booking = bookings.find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        List<SearchForm.PersonRow> rows = booking.persons().stream()
                .map(p -> new Applicant(p.birthDate(), p.postalCode()))
                .map(a -> new SearchForm.PersonRow(ConsoleDates.show(a.birthDate()), a.postalCode()))
                .toList();
        SearchForm form = new SearchForm(rows.size(), rows, "", "", "", TimeOfDay.ANY);
        CallerCard.of(session)
                .rebooking(form, new CallerCard.Rebooking(booking.code(), birthDate))
                .save(session);
        return "redirect:/staff/hotline";
    }

    private BookingView show(String code, LocalDate birthDate, Model model) {
        BookingView booking = bookings.find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        model.addAttribute("booking", booking);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("centre", centres.find(booking.centreId()).orElseThrow());
        return booking;
    }
}
