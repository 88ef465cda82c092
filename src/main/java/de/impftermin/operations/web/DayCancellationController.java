package de.impftermin.operations.web;

import de.impftermin.centres.Centres;
import de.impftermin.operations.DayCancellationJob;
import de.impftermin.operations.DayCancellationRunner;
import de.impftermin.operations.DayCancellations;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.StatedReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Centre day")
@SecurityRequirement(name = "staff")
class DayCancellationController {

    private final DayCancellations cancellations;
    private final DayCancellationRunner runner;
    private final Centres centres;

    DayCancellationController(DayCancellations cancellations, DayCancellationRunner runner, Centres centres) {
        this.cancellations = cancellations;
        this.runner = runner;
        this.centres = centres;
    }

    /** {@code reason} in German, plain words; {@code reasonEn} optional, for bookings made in English. */
    record CancelDay(
            @NotBlank @Size(max = 500) String reason,
            @Nullable @Size(max = 500) String reasonEn,
            @NotNull Boolean dryRun) {}

    record Started(UUID job) {}

    record JobStatus(DayCancellationJob.Status status, int moved, int cancelled, int notified) {}

    @Operation(
            summary = "Cancel a day: dryRun true previews {bookings, persons, movable}; false starts the job (202)",
            description = "The day is closed for new holds first; every booking is moved to the nearest free series at"
                    + " this centre within the vaccine's interval (households together) or cancelled, and its contact"
                    + " told exactly once, with the reason in the language they booked in (reason: German;"
                    + " reasonEn: English, optional; without it English messages quote the German reason).")
    @PostMapping("/api/v1/admin/centres/{id}/days/{date}/cancel")
    ResponseEntity<?> cancel(
            @PathVariable String id, @PathVariable LocalDate date, @Valid @RequestBody CancelDay body) {
        if (centres.find(id).isEmpty()) {
            throw Refusal.notFound("Centre " + id);
        }
        if (body.dryRun()) {
            return ResponseEntity.ok(cancellations.preview(id, date));
        }
        UUID job = cancellations.start(id, date, new StatedReason(body.reason(), body.reasonEn()));
        runner.launch(job);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(job));
    }

    @Operation(summary = "A day cancellation's progress")
    @GetMapping("/api/v1/admin/jobs/{job}")
    JobStatus job(@PathVariable UUID job) {
        DayCancellationJob found = cancellations.find(job).orElseThrow(() -> Refusal.notFound("Job " + job));
        return new JobStatus(found.status(), found.moved(), found.cancelled(), found.notified());
    }
}
