package de.impftermin.hotline.web;

import de.impftermin.hotline.CallBackOutcome;
import de.impftermin.hotline.CallBackQueueStats;
import de.impftermin.hotline.CallBacks;
import de.impftermin.hotline.OutcomeRecorded;
import de.impftermin.hotline.TakenCallBack;
import de.impftermin.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hotline/callbacks")
@Tag(name = "Call-backs (hotline)")
@SecurityRequirement(name = "staff")
class HotlineCallBackController {

    record OutcomeBody(
            @NotNull CallBackOutcome outcome,
            @Nullable @Size(max = 32) String bookingCode) {}

    record OutcomeAnswer(UUID id, String status) {}

    /** The queue for agents and the state office; durations in seconds. */
    record StatsAnswer(
            int waiting, int calling, long oldestWaitSeconds, int takenLastHour, int completedLastHour, int perHour) {}

    private final CallBacks callBacks;

    HotlineCallBackController(CallBacks callBacks) {
        this.callBacks = callBacks;
    }

    @PostMapping("/next")
    @Operation(
            summary = "Take the oldest due call-back",
            description = "Claimed for this agent (never given to two agents); 204 when none waits. The caller gets "
                    + "an SMS that the call is coming.")
    ResponseEntity<TakenCallBack> next(Principal agent) {
        return callBacks
                .takeNext(agent.getName())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/outcome")
    @Operation(
            summary = "Record how the call ended",
            description = "NOT_REACHED queues it again after the retry delay, at most 3 attempts; BOOKED needs the "
                    + "bookingCode (422 BOOKING_CODE_REQUIRED); 409 NOT_YOURS when this agent is not calling it.")
    OutcomeAnswer outcome(Principal agent, @PathVariable UUID id, @Valid @RequestBody OutcomeBody body) {
        OutcomeRecorded result = callBacks.recordOutcome(id, body.outcome(), body.bookingCode(), agent.getName());
        return switch (result) {
            case OutcomeRecorded.Recorded recorded -> new OutcomeAnswer(recorded.id(), recorded.status());
            case OutcomeRecorded.UnknownCallBack unknown -> throw Refusal.notFound("Call-back");
            case OutcomeRecorded.BookingCodeRequired missing ->
                throw Refusal.invalid("BOOKING_CODE_REQUIRED", "BOOKED needs the booking code.");
            case OutcomeRecorded.NotYours notYours ->
                throw new Refusal(HttpStatus.CONFLICT, "NOT_YOURS", notYours.detail());
        };
    }

    @GetMapping("/stats")
    @Operation(summary = "Queue length, oldest wait and call-backs in the last hour")
    StatsAnswer stats() {
        CallBackQueueStats stats = callBacks.stats();
        return new StatsAnswer(
                stats.waiting(),
                stats.calling(),
                stats.oldestWait().toSeconds(),
                stats.takenLastHour(),
                stats.completedLastHour(),
                stats.perHour());
    }
}
