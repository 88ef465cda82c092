package de.impftermin.operations.web;

import de.impftermin.centres.Centres;
import de.impftermin.operations.CentreDay;
import de.impftermin.operations.DayListEntry;
import de.impftermin.operations.MarkResult;
import de.impftermin.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Centre day")
@SecurityRequirement(name = "staff")
class CentreDayController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final CentreDay centreDay;
    private final Centres centres;

    CentreDayController(CentreDay centreDay, Centres centres) {
        this.centreDay = centreDay;
        this.centres = centres;
    }

    record Vaccinated(@Nullable @Size(max = 40) String lot) {}

    @Operation(
            summary = "The day list: everyone booked that day, by time; with Accept: text/csv as CSV for Excel",
            description = "An audited read of personal data (PERSONAL_DATA_READ).")
    @GetMapping(
            path = "/api/v1/admin/centres/{id}/days/{date}/appointments",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> appointments(
            @PathVariable String id,
            @PathVariable LocalDate date,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        if (centres.find(id).isEmpty()) {
            throw Refusal.notFound("Centre " + id);
        }
        List<DayListEntry> entries = centreDay.appointments(id, date);
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-" + date + ".csv\"")
                    .body(DayListCsv.write(entries));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }

    @Operation(summary = "Check a person in (BOOKED → CHECKED_IN); again changes nothing")
    @PostMapping("/api/v1/admin/appointments/{reference}/check-in")
    DayListEntry checkIn(@PathVariable String reference) {
        return answer(centreDay.mark(reference, CentreDay.Mark.CHECK_IN, null));
    }

    @Operation(summary = "Mark vaccinated (CHECKED_IN → VACCINATED), vaccine lot optional")
    @PostMapping("/api/v1/admin/appointments/{reference}/vaccinated")
    DayListEntry vaccinated(
            @PathVariable String reference, @Valid @RequestBody(required = false) @Nullable Vaccinated body) {
        return answer(centreDay.mark(reference, CentreDay.Mark.VACCINATED, body == null ? null : body.lot()));
    }

    @Operation(summary = "Mark a no-show (BOOKED or CHECKED_IN); a 1st-dose no-show frees the series' 2nd dose")
    @PostMapping("/api/v1/admin/appointments/{reference}/no-show")
    DayListEntry noShow(@PathVariable String reference) {
        return answer(centreDay.mark(reference, CentreDay.Mark.NO_SHOW, null));
    }

    @Operation(
            summary =
                    "Take the last mark back, on the appointment's day (VACCINATED → CHECKED_IN, CHECKED_IN or NO_SHOW"
                            + " → BOOKED); 409 for a missed 1st dose whose 2nd dose was freed")
    @PostMapping("/api/v1/admin/appointments/{reference}/undo")
    DayListEntry undo(@PathVariable String reference) {
        return answer(centreDay.mark(reference, CentreDay.Mark.UNDO, null));
    }

    static DayListEntry answer(MarkResult result) {
        return switch (result) {
            case MarkResult.Marked marked -> marked.appointment();
            case MarkResult.NotFound notFound -> throw Refusal.notFound("Appointment " + notFound.reference());
            case MarkResult.Refused refused ->
                throw new Refusal(HttpStatus.CONFLICT, "APPOINTMENT_STATE_CONFLICT", refused.reason());
        };
    }
}
