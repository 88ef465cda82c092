package de.impftermin.privacy.web;

import de.impftermin.platform.PlausibleDate;
import de.impftermin.platform.Refusal;
import de.impftermin.privacy.CitizenData;
import de.impftermin.privacy.CitizenRequest;
import de.impftermin.privacy.Disclosure;
import de.impftermin.privacy.Erasure;
import de.impftermin.privacy.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's data-protection requests about their booking, beside the booking's own paths: everything stored about
 * it, and after cancelling its erasure. Both take the booking code, a booked person's birth date and, in
 * {@code X-Verification-Token}, a verified phone number or e-mail address of the booking.
 */
@RestController
@RequestMapping("/api/v1/bookings/{code}")
@Tag(name = "Data protection (citizen)")
class PersonalDataController {

    private static final String TOKEN = "X-Verification-Token";

    record EraseBody(@NotNull @PlausibleDate LocalDate birthDate) {}

    record Erased(String code, String status, int persons, int messages, int waitlistRegistrations, int callBacks) {}

    private final CitizenData citizenData;

    PersonalDataController(CitizenData citizenData) {
        this.citizenData = citizenData;
    }

    @GetMapping("/personal-data")
    @Operation(
            summary = "Everything stored about the booking",
            description = "401 VERIFICATION_REQUIRED, 404 for a wrong code or birth date alike, 403"
                    + " CONTACT_NOT_VERIFIED when the token proves none of the booking's addresses")
    PersonalData disclose(
            @PathVariable String code,
            @RequestParam LocalDate birthDate,
            @RequestHeader(name = TOKEN, required = false) @Nullable String token) {
        return switch (citizenData.disclose(code, birthDate, token)) {
            case Disclosure.Disclosed disclosed -> disclosed.data();
            case Disclosure.Refused refused -> throw refusal(refused.reason());
        };
    }

    @PostMapping("/erase")
    @Operation(
            summary = "Deletes the cancelled booking's personal data now",
            description = "The same refusals as personal-data, and 409 BOOKING_NOT_CANCELLED for a live booking")
    Erased erase(
            @PathVariable String code,
            @RequestHeader(name = TOKEN, required = false) @Nullable String token,
            @Valid @RequestBody EraseBody body) {
        return switch (citizenData.erase(code, body.birthDate(), token)) {
            case Erasure.Erased erased ->
                new Erased(
                        erased.code(),
                        "ERASED",
                        erased.persons(),
                        erased.messages(),
                        erased.waitlist(),
                        erased.callBacks());
            case Erasure.Refused refused -> throw refusal(refused.reason());
        };
    }

    static Refusal refusal(CitizenRequest reason) {
        return switch (reason) {
            case VERIFICATION_REQUIRED ->
                new Refusal(
                        HttpStatus.UNAUTHORIZED,
                        "VERIFICATION_REQUIRED",
                        "Please confirm the booking's phone number or e-mail address first; the verification is missing"
                                + " or expired.");
            case NOT_FOUND -> Refusal.notFound("Booking");
            case CONTACT_NOT_VERIFIED ->
                new Refusal(
                        HttpStatus.FORBIDDEN,
                        "CONTACT_NOT_VERIFIED",
                        "The verified address is not one of this booking's. Please confirm the phone number or"
                                + " e-mail address the booking's messages go to.");
            case NO_CONTACT ->
                new Refusal(
                        HttpStatus.FORBIDDEN,
                        "CONTACT_NOT_VERIFIED",
                        "This booking has no phone number or e-mail address to confirm. Please call the hotline.");
            case NOT_CANCELLED ->
                new Refusal(
                        HttpStatus.CONFLICT,
                        "BOOKING_NOT_CANCELLED",
                        "The booking is still live. Please cancel it first; then its data can be deleted.");
        };
    }
}
