package de.impftermin.verification.web;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Language;
import de.impftermin.verification.VerificationStarted;
import de.impftermin.verification.Verifications;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/verifications")
@Tag(name = "Verification")
class VerificationController {

    record StartBody(
            @NotNull MessageChannel channel,
            @NotBlank @Size(max = 254) String address,
            @Nullable Language language) {}

    record Started(UUID id, OffsetDateTime expiresAt) {}

    record ConfirmBody(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the 6-digit code")
            String code) {}

    record Confirmed(String token) {}

    private final Verifications verifications;

    VerificationController(Verifications verifications) {
        this.verifications = verifications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Started start(@Valid @RequestBody StartBody body, HttpServletRequest request) {
        VerificationStarted started = verifications.start(
                body.channel(),
                body.address(),
                request.getRemoteAddr(),
                body.language() == null ? Language.DE : body.language());
        return new Started(started.id(), BerlinTime.show(started.expiresAt()));
    }

    @PostMapping("/{id}/confirm")
    Confirmed confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmBody body) {
        return new Confirmed(verifications.confirm(id, body.code()));
    }
}
