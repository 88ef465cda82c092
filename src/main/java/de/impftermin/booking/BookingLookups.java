package de.impftermin.booking;

import de.impftermin.booking.domain.BookingCode;
import de.impftermin.platform.GuessThrottle;
import de.impftermin.platform.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What anyone on the internet may do with a booking code and a birth date (look the booking up, cancel it, rebook
 * it), limited against guessing: per client address and per booking code, a few wrong tries are free and each
 * further one must wait a delay that doubles ({@link GuessThrottle}). A wrong code and a wrong birth date count
 * alike, as they answer alike ({@code 404}). Each step has its own transaction: the failure is counted after the
 * refused use case has rolled back. Staff (the hotline console, the centre day) look bookings up through
 * {@link Bookings} directly: they are signed in, audited, and many agents share one address.
 */
@Service
public class BookingLookups {

    static final String SCOPE = "booking-code";

    private final Bookings bookings;
    private final GuessThrottle throttle;
    private final Clock clock;

    BookingLookups(Bookings bookings, GuessThrottle throttle, Clock clock) {
        this.bookings = bookings;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * The booking, if the code exists and one of its persons has this birth date.
     *
     * @throws Refusal {@code TOO_MANY_ATTEMPTS} (429, with Retry-After) while this client or this code must wait
     */
    public Optional<BookingView> find(String code, LocalDate birthDate, String client) {
        waitIfDelayed(code, client);
        Optional<BookingView> found = bookings.find(code, birthDate);
        if (found.isEmpty()) {
            throttle.failed(SCOPE, client, key(code), clock.instant());
        }
        return found;
    }

    /**
     * Cancels the booking ({@link Bookings#cancel}).
     *
     * @throws Refusal {@code NOT_FOUND} (404) for a wrong code or birth date, {@code TOO_MANY_ATTEMPTS} (429)
     */
    public BookingView cancel(String code, LocalDate birthDate, String client) {
        return guarded(code, client, () -> bookings.cancel(code, birthDate));
    }

    /**
     * Rebooks the booking onto a hold ({@link Bookings#rebook}) once code and birth date have proved it.
     *
     * @throws Refusal {@code NOT_FOUND} (404) for a wrong code or birth date, {@code TOO_MANY_ATTEMPTS} (429), and what
     *     {@link Bookings#rebook} refuses
     */
    public BookingView rebook(
            String code,
            LocalDate birthDate,
            String client,
            @Nullable String verificationToken,
            @Nullable String idempotencyKey,
            UUID holdId) {
        find(code, birthDate, client).orElseThrow(() -> Refusal.notFound("Booking"));
        return bookings.rebook(code, birthDate, verificationToken, idempotencyKey, holdId);
    }

    private BookingView guarded(String code, String client, Supplier<BookingView> useCase) {
        waitIfDelayed(code, client);
        try {
            return useCase.get();
        } catch (Refusal refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND) {
                throttle.failed(SCOPE, client, key(code), clock.instant());
            }
            throw refusal;
        }
    }

    private void waitIfDelayed(String code, String client) {
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.wait(SCOPE, client, key(code), now);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new Refusal(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_ATTEMPTS",
                    "Too many wrong booking codes or birth dates. Please wait " + seconds + " seconds and try again.",
                    Duration.ofSeconds(seconds));
        }
    }

    /** The canonical booking code, so that typing it in lower case or without dashes counts against the same one. */
    private static String key(String code) {
        return BookingCode.parse(code).map(BookingCode::value).orElse("(not a booking code)");
    }
}
