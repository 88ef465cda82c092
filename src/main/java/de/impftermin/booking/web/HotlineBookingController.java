package de.impftermin.booking.web;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hotline")
@Tag(name = "Booking (hotline)")
@SecurityRequirement(name = "staff")
class HotlineBookingController {

    private final Bookings bookings;

    HotlineBookingController(Bookings bookings) {
        this.bookings = bookings;
    }

    @PostMapping("/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    BookingView book(
            Principal agent,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequests.PhoneBookingBody body) {
        return bookings.bookByPhone(
                agent.getName(),
                BookingRequests.idempotencyKey(idempotencyKey),
                body.wanted(),
                body.details(),
                body.contactOrNone());
    }
}
