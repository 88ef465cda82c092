package de.impftermin.admission.web;

import de.impftermin.admission.TicketStatus;
import de.impftermin.admission.WaitingRoom;
import de.impftermin.platform.Refusal;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets of the waiting room. The ticket is also kept in a cookie, so that a browser that reloads or comes back
 * after closing the tab gets its place back instead of a new one at the end of the queue.
 */
@RestController
@RequestMapping("/api/v1/waiting-room/tickets")
@Tag(name = "Waiting room")
class WaitingRoomController {

    static final String COOKIE = "impftermin-ticket";
    static final int MAX_WAIT_SECONDS = 25;

    private final WaitingRoom waitingRoom;
    private final Verifications verifications;

    WaitingRoomController(WaitingRoom waitingRoom, Verifications verifications) {
        this.waitingRoom = waitingRoom;
        this.verifications = verifications;
    }

    @PostMapping
    ResponseEntity<TicketStatus> join(
            @Parameter(description = "binds the admission pass to this verification")
                    @RequestHeader(name = "X-Verification-Token", required = false)
                    @Nullable
                    String verificationToken,
            @CookieValue(name = COOKIE, required = false) @Nullable String kept) {
        String subject = subject(verificationToken);
        TicketStatus status = null;
        if (kept != null) {
            try {
                status = waitingRoom.status(kept, subject);
            } catch (Refusal expired) {
                status = null;
            }
        }
        if (status == null) {
            status = waitingRoom.join(subject);
        }
        ResponseCookie cookie = ResponseCookie.from(COOKIE, status.ticket())
                .httpOnly(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(Duration.ofHours(12))
                .build();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(status);
    }

    /**
     * Where the ticket stands. With {@code wait} (seconds, at most {@value #MAX_WAIT_SECONDS}) the answer comes as soon
     * as the ticket is admitted (or all is gone), or after {@code wait} with its new position: a long poll instead of
     * polling, so that a waiting page asks about once per {@code wait} and moves on within a step of its turn.
     */
    @GetMapping("/{ticket}")
    CompletableFuture<TicketStatus> status(
            @PathVariable String ticket,
            @Parameter(description = "seconds to wait for the ticket's turn before answering (0–25)")
                    @RequestParam(name = "wait", required = false)
                    @Nullable
                    Integer wait,
            @Parameter(description = "binds the admission pass to this verification")
                    @RequestHeader(name = "X-Verification-Token", required = false)
                    @Nullable
                    String verificationToken) {
        if (wait != null && (wait < 0 || wait > MAX_WAIT_SECONDS)) {
            throw Refusal.invalid(
                    "INVALID_WAIT", "wait is the number of seconds to wait, from 0 to " + MAX_WAIT_SECONDS + ".");
        }
        String subject = subject(verificationToken);
        return waitingRoom.statusOnceMoved(ticket, subject, Duration.ofSeconds(wait == null ? 0 : wait));
    }

    private @Nullable String subject(@Nullable String verificationToken) {
        return verificationToken == null
                ? null
                : verifications
                        .verifiedBy(verificationToken)
                        .map(ContactAddress::subject)
                        .orElse(null);
    }
}
