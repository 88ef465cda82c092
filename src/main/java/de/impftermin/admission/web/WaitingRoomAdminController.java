package de.impftermin.admission.web;

import de.impftermin.admission.QueueSettings;
import de.impftermin.admission.WaitingRoom;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators watch the queue and set its admission rate, or open a pre-queue before a big release, and choose whether
 * the rate adapts to what the booking path manages.
 */
@RestController
@RequestMapping("/api/v1/admin/waiting-room")
@Tag(name = "Administration")
@PreAuthorize("hasRole('ADMIN')")
class WaitingRoomAdminController {

    private final WaitingRoom waitingRoom;

    WaitingRoomAdminController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    @GetMapping
    QueueSettings settings() {
        return waitingRoom.settings();
    }

    @PutMapping
    QueueSettings configure(@Valid @RequestBody Settings body) {
        return waitingRoom.configure(
                body.ratePerSecond(),
                body.prequeueOpensAt() == null ? null : body.prequeueOpensAt().toInstant(),
                body.adaptive());
    }

    /**
     * @param ratePerSecond tickets admitted per second; for an adaptive queue the most, its rate in effect starting
     *     over slowly
     * @param prequeueOpensAt when given, tickets taken until then are shuffled at this instant
     * @param adaptive whether the rate in effect follows the booking path's pressure; absent keeps what the queue does
     */
    record Settings(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
            Double ratePerSecond,

            @Nullable OffsetDateTime prequeueOpensAt,
            @Nullable Boolean adaptive) {}
}
