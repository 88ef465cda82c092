package de.impftermin.hotline.web;

import de.impftermin.hotline.CallBackRequested;
import de.impftermin.hotline.CallBackView;
import de.impftermin.hotline.CallBacks;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/callbacks")
@Tag(name = "Call-backs (citizen)")
class CallBackController {

    record CallBackBody(
            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be 5 digits")
            String postalCode,

            @NotNull @Min(1) @Max(4) Integer persons,
            @Nullable Language language) {}

    /** {@code position}: waiting requests due before this one, itself included; 0 while being called or closed. */
    record CallBackAnswer(
            UUID id, String status, int position, @Nullable OffsetDateTime expectedAt, String postalCode, int persons) {

        static CallBackAnswer of(CallBackView view) {
            return new CallBackAnswer(
                    view.id(),
                    view.status(),
                    view.position(),
                    view.expectedAt() == null ? null : BerlinTime.show(view.expectedAt()),
                    view.postalCode(),
                    view.persons());
        }
    }

    private final CallBacks callBacks;

    CallBackController(CallBacks callBacks) {
        this.callBacks = callBacks;
    }

    @PostMapping
    @Operation(
            summary = "Ask to be called back on the verified phone number",
            description = "201 with the new request, or 200 with the phone's open request. 401 VERIFICATION_REQUIRED "
                    + "without a token of a verified SMS number; 429 TOO_MANY_REQUESTS past the sending limits.")
    ResponseEntity<CallBackAnswer> request(
            @RequestHeader(name = "X-Verification-Token", required = false) @Nullable String token,
            @Valid @RequestBody CallBackBody body,
            HttpServletRequest request) {
        CallBackRequested result = callBacks.request(
                token,
                body.postalCode(),
                body.persons(),
                request.getRemoteAddr(),
                body.language() == null ? Language.DE : body.language());
        return switch (result) {
            case CallBackRequested.Queued queued ->
                ResponseEntity.status(queued.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(CallBackAnswer.of(queued.callBack()));
            case CallBackRequested.VerificationRequired missing -> throw verificationRequired();
            case CallBackRequested.Invalid invalid -> throw Refusal.invalid(invalid.code(), invalid.detail());
            case CallBackRequested.TooManyRequests tooMany ->
                throw new Refusal(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "TOO_MANY_REQUESTS",
                        "Too many call-backs were requested. Please wait a few minutes.",
                        tooMany.retryAfter());
        };
    }

    @GetMapping("/mine")
    @Operation(summary = "The newest call-back request of the verified phone number, with its position now")
    CallBackAnswer mine(@RequestHeader(name = "X-Verification-Token", required = false) @Nullable String token) {
        return callBacks.latest(token).map(CallBackAnswer::of).orElseThrow(() -> Refusal.notFound("Call-back"));
    }

    private static Refusal verificationRequired() {
        return new Refusal(
                HttpStatus.UNAUTHORIZED,
                "VERIFICATION_REQUIRED",
                "Please verify your mobile phone number first; the verification token is missing or has expired.");
    }
}
