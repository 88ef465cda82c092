package de.impftermin.operations.web;

import de.impftermin.centres.OpeningDay;
import de.impftermin.operations.CentreWeeks;
import de.impftermin.operations.OpeningDayChange;
import de.impftermin.operations.WeekCopy;
import de.impftermin.platform.PlausibleDate;
import de.impftermin.platform.Problems;
import de.impftermin.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The centre's weeks through the API: changing an opening day, copying a week. Refusals are problem+json. */
@RestController
@Tag(name = "Administration: centres")
@SecurityRequirement(name = "staff")
class CentreWeeksController {

    record ChangedHours(
            @NotNull LocalTime opens,
            @NotNull LocalTime closes,
            @NotNull @Min(1) @Max(100) Integer lanes,
            @NotNull @Min(1) @Max(240) Integer slotMinutes) {}

    record DayChanged(LocalDate date, int seats, int seatsAdded, int seatsRemoved, int seriesWithdrawn) {}

    record CopyTo(@NotNull @PlausibleDate LocalDate to) {}

    record DayCreated(LocalDate date, int seats) {}

    record WeekCopied(List<DayCreated> days) {}

    private final CentreWeeks weeks;

    CentreWeeksController(CentreWeeks weeks) {
        this.weeks = weeks;
    }

    @Operation(
            summary = "Change an opening day's hours, lanes or slot length",
            description = "Seats outside the new grid are removed, new ones created; unbooked series on removed seats"
                    + " leave their releases (doses back in the ledger). 409 BOOKED_SEATS with the bookings in the"
                    + " way (bookingCode, startsAt, dose, persons) and heldSeries where a removed seat is booked or"
                    + " held: nothing changes. 404 where the centre does not open that day.")
    @PutMapping("/api/v1/admin/centres/{id}/opening-days/{date}")
    ResponseEntity<?> change(
            @PathVariable String id, @PathVariable LocalDate date, @Valid @RequestBody ChangedHours body) {
        OpeningDayChange change =
                weeks.change(new OpeningDay(id, date, body.opens(), body.closes(), body.lanes(), body.slotMinutes()));
        return switch (change) {
            case OpeningDayChange.Changed changed ->
                ResponseEntity.ok(new DayChanged(
                        date,
                        changed.day().seats(),
                        changed.seatsAdded(),
                        changed.seatsRemoved(),
                        changed.seriesWithdrawn()));
            case OpeningDayChange.BookingsInTheWay inTheWay -> {
                ProblemDetail problem = Problems.of(
                        HttpStatus.CONFLICT,
                        "BOOKED_SEATS",
                        "The change would remove seats of "
                                + inTheWay.bookings().size() + " booking(s)"
                                + (inTheWay.heldSeries() > 0
                                        ? " and " + inTheWay.heldSeries() + " series held right now"
                                        : "")
                                + "; nothing was changed.");
                problem.setProperty("bookings", inTheWay.bookings());
                problem.setProperty("heldSeries", inTheWay.heldSeries());
                yield problem(problem);
            }
            case OpeningDayChange.NotOpen notOpen -> throw Refusal.notFound("Opening day " + id + " " + date);
        };
    }

    @Operation(
            summary = "Copy a week's opening days to another week",
            description = "Both weeks are named by any of their days. All days are copied in one transaction, or none:"
                    + " 409 OPENING_DAYS_EXIST with the days the centre opens on already; 422 NOTHING_TO_COPY.")
    @PostMapping("/api/v1/admin/centres/{id}/weeks/{week}/copy")
    ResponseEntity<?> copy(@PathVariable String id, @PathVariable LocalDate week, @Valid @RequestBody CopyTo body) {
        WeekCopy copy = weeks.copyWeek(id, week, body.to());
        return switch (copy) {
            case WeekCopy.Copied copied ->
                ResponseEntity.status(HttpStatus.CREATED)
                        .body(new WeekCopied(copied.days().stream()
                                .map(d -> new DayCreated(d.date(), d.seats()))
                                .toList()));
            case WeekCopy.DaysExist exist -> {
                ProblemDetail problem = Problems.of(
                        HttpStatus.CONFLICT,
                        "OPENING_DAYS_EXIST",
                        "The centre already opens on " + exist.days() + "; nothing was copied.");
                problem.setProperty("days", exist.days());
                yield problem(problem);
            }
            case WeekCopy.NothingToCopy nothing ->
                throw Refusal.invalid("NOTHING_TO_COPY", "The week of " + week + " has no opening day to copy.");
        };
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
