package de.impftermin.waitlist.web;

import de.impftermin.booking.BookingView;
import de.impftermin.platform.Refusal;
import de.impftermin.waitlist.Answer;
import de.impftermin.waitlist.Registered;
import de.impftermin.waitlist.RegistrationView;
import de.impftermin.waitlist.Waitlist;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waitlist API. A registration is proven by its token ({@code X-Waitlist-Token}: the token answered at
 * registration, or the one in an offer's link); a wrong or missing token gets {@code 404}, exactly as an unknown id.
 */
@RestController
@RequestMapping("/api/v1/waitlist")
@Tag(name = "Waitlist")
class WaitlistController {

    private static final String TOKEN = "X-Waitlist-Token";

    private final Waitlist waitlist;

    WaitlistController(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Registered.OnTheList register(
            @RequestHeader(name = "X-Verification-Token", required = false) @Nullable String verificationToken,
            @Valid @RequestBody WaitlistBody body) {
        Registered registered = waitlist.register(verificationToken, body.request());
        if (registered instanceof Registered.OnTheList onTheList) {
            return onTheList;
        }
        throw Answers.refusal(registered);
    }

    @GetMapping("/{id}")
    RegistrationView find(
            @PathVariable UUID id, @RequestHeader(name = TOKEN, required = false) @Nullable String token) {
        return waitlist.find(id, token).orElseThrow(() -> Refusal.notFound("Waitlist registration"));
    }

    @PostMapping("/{id}/accept")
    @ResponseStatus(HttpStatus.CREATED)
    BookingView accept(@PathVariable UUID id, @RequestHeader(name = TOKEN, required = false) @Nullable String token) {
        Answer answer = waitlist.accept(id, token);
        if (answer instanceof Answer.Booked booked) {
            return booked.booking();
        }
        throw Answers.refusal(answer);
    }

    @PostMapping("/{id}/decline")
    RegistrationView decline(
            @PathVariable UUID id, @RequestHeader(name = TOKEN, required = false) @Nullable String token) {
        return done(waitlist.decline(id, token));
    }

    @DeleteMapping("/{id}")
    RegistrationView withdraw(
            @PathVariable UUID id, @RequestHeader(name = TOKEN, required = false) @Nullable String token) {
        return done(waitlist.withdraw(id, token));
    }

    private static RegistrationView done(Answer answer) {
        if (answer instanceof Answer.Done done) {
            return done.registration();
        }
        throw Answers.refusal(answer);
    }
}
