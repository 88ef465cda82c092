package de.impftermin.booking.web;

import de.impftermin.booking.BookingLookups;
import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import de.impftermin.booking.HoldView;
import de.impftermin.platform.Refusal;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Booking (citizen)")
class BookingController {

    private final Bookings bookings;
    private final BookingLookups lookups;

    BookingController(Bookings bookings, BookingLookups lookups) {
        this.bookings = bookings;
        this.lookups = lookups;
    }

    @PostMapping("/holds")
    @ResponseStatus(HttpStatus.CREATED)
    HoldView hold(
            @RequestHeader(name = "X-Verification-Token", required = false) @Nullable String token,
            @RequestHeader(name = "X-Admission-Pass", required = false) @Nullable String pass,
            @Valid @RequestBody BookingRequests.HoldBody body) {
        return bookings.hold(token, pass, body.wanted());
    }

    @PostMapping("/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    BookingView confirm(
            @RequestHeader(name = "X-Verification-Token", required = false) @Nullable String token,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequests.BookingBody body) {
        return bookings.confirm(
                token,
                BookingRequests.idempotencyKey(idempotencyKey),
                body.holdId(),
                body.details(),
                body.contactOrNone());
    }

    /** {@code 404} for a wrong code or birth date alike; {@code 429} with Retry-After after too many of them. */
    @GetMapping("/bookings/{code}")
    BookingView find(@PathVariable String code, @RequestParam LocalDate birthDate, HttpServletRequest request) {
        return lookups.find(code, birthDate, request.getRemoteAddr()).orElseThrow(() -> Refusal.notFound("Booking"));
    }

    @PostMapping("/bookings/{code}/cancel")
    BookingView cancel(
            @PathVariable String code,
            @Valid @RequestBody BookingRequests.CancelBody body,
            HttpServletRequest request) {
        return lookups.cancel(code, body.birthDate(), request.getRemoteAddr());
    }

    /**
     * Moves the booking to the held appointments; the old ones stay booked until the new ones are confirmed, in one
     * transaction. Answers with the new booking (a new code).
     */
    @PostMapping("/bookings/{code}/rebook")
    @ResponseStatus(HttpStatus.CREATED)
    BookingView rebook(
            @PathVariable String code,
            @RequestHeader(name = "X-Verification-Token", required = false) @Nullable String token,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequests.RebookBody body,
            HttpServletRequest request) {
        return lookups.rebook(
                code,
                body.birthDate(),
                request.getRemoteAddr(),
                token,
                BookingRequests.idempotencyKey(idempotencyKey),
                body.holdId());
    }
}
