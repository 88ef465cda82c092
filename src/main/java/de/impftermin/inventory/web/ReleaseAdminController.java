package de.impftermin.inventory.web;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.NewRelease;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.ReleaseChange;
import de.impftermin.inventory.ReleasePreview;
import de.impftermin.inventory.Releases;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.PlausibleDate;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/releases")
@Tag(name = "Administration: releases")
@SecurityRequirement(name = "staff")
class ReleaseAdminController {

    record Eligibility(
            @Nullable @PlausibleDate LocalDate bornOnOrAfter,
            @Nullable @PlausibleDate LocalDate bornOnOrBefore,
            @Nullable @Size(max = 100) List<@NotNull @Pattern(regexp = "[0-9]{1,5}") String> postalCodePrefixes) {

        EligibilityRule rule() {
            return new EligibilityRule(
                    bornOnOrAfter, bornOnOrBefore, postalCodePrefixes == null ? List.of() : postalCodePrefixes);
        }
    }

    record NewReleaseBody(
            @NotBlank @Size(max = 64) String centreId,
            @NotNull Vaccine vaccine,
            @NotNull @PlausibleDate LocalDate firstDoseFrom,
            @NotNull @PlausibleDate LocalDate firstDoseTo,
            @NotNull @Min(1) @Max(1_000_000) Integer series,
            @NotNull @PlausibleDate OffsetDateTime opensAt,
            @NotNull Channel channel,
            @Nullable @Valid Eligibility eligibility,
            @Nullable @PlausibleDate OffsetDateTime spillAt) {}

    record ReleaseCreated(
            long id,
            int series,
            int seriesRequested,
            String status,
            @Nullable OffsetDateTime spillAt) {}

    record ReleaseView(
            long id,
            String centreId,
            Vaccine vaccine,
            LocalDate firstDoseFrom,
            LocalDate firstDoseTo,
            int series,
            OffsetDateTime opensAt,
            Channel channel,
            String status,
            EligibilityRule eligibility,
            @Nullable OffsetDateTime spillAt,
            @Nullable OffsetDateTime spilledAt,
            int seriesWithdrawn) {}

    private final Releases releases;
    private final Clock clock;

    ReleaseAdminController(Releases releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    record DayCount(LocalDate date, int series) {}

    record PreviewView(
            int seriesRequested,
            int series,
            List<DayCount> firstDoseDays,
            List<DayCount> secondDoseDays,
            long dosesAvailable,
            long dosesTaken,
            long dosesLeft,
            EligibilityRule eligibility) {}

    record ChangeView(long id, String status, boolean changed, int seriesWithdrawn) {}

    @PostMapping("/preview")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Preview a release: what POST /api/v1/admin/releases would create now, nothing written",
            description = "The series it would pair per 1st-dose and per 2nd-dose day and the doses it takes from the"
                    + " ledger; refused with the same 422 codes as creating it (INSUFFICIENT_DOSES, NO_CAPACITY,"
                    + " NO_SECOND_DOSE_CAPACITY, INVALID_RANGE, INVALID_SPILL).")
    PreviewView preview(@Valid @RequestBody NewReleaseBody body) {
        CentreAccess.require(body.centreId());
        return switch (releases.preview(newRelease(body))) {
            case ReleasePreview.Feasible feasible ->
                new PreviewView(
                        body.series(),
                        feasible.series(),
                        counts(feasible.firstDoseDays()),
                        counts(feasible.secondDoseDays()),
                        feasible.dosesAvailable(),
                        feasible.dosesTaken(),
                        feasible.dosesLeft(),
                        feasible.eligibility());
            case ReleasePreview.Refused refused -> throw Refusal.invalid(refused.code(), refused.detail());
        };
    }

    @PostMapping("/{id}/pause")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Pause a release: nothing new is held from it; its holds and bookings stay")
    ChangeView pause(@PathVariable long id) {
        return answer(releases.pause(id));
    }

    @PostMapping("/{id}/resume")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Resume a paused release; 409 RELEASE_WITHDRAWN for a withdrawn one")
    ChangeView resume(@PathVariable long id) {
        return answer(releases.resume(id));
    }

    @PostMapping("/{id}/withdraw")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Withdraw a release's unbooked series",
            description = "The release stays paused for good; series with neither a booking nor a live hold are taken"
                    + " back (seats free, doses back in the ledger), and those freed later follow within seconds."
                    + " Held and booked series stay.")
    ChangeView withdraw(@PathVariable long id) {
        return answer(releases.withdraw(id));
    }

    private ChangeView answer(ReleaseChange change) {
        return switch (change) {
            case ReleaseChange.Done done ->
                new ChangeView(done.release().id(), status(done.release()), true, done.seriesWithdrawn());
            case ReleaseChange.Unchanged unchanged ->
                new ChangeView(unchanged.release().id(), status(unchanged.release()), false, 0);
            case ReleaseChange.Refused refused ->
                throw new Refusal(HttpStatus.CONFLICT, refused.code(), "A withdrawn release cannot be resumed.");
            case ReleaseChange.NotFound notFound -> throw Refusal.notFound("Release " + notFound.id());
        };
    }

    private static List<DayCount> counts(java.util.SortedMap<LocalDate, Integer> days) {
        return days.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static NewRelease newRelease(NewReleaseBody body) {
        return new NewRelease(
                body.centreId(),
                body.vaccine(),
                body.firstDoseFrom(),
                body.firstDoseTo(),
                body.series(),
                body.opensAt().toInstant(),
                body.channel(),
                body.eligibility() == null
                        ? EligibilityRule.EVERYONE
                        : body.eligibility().rule(),
                body.spillAt() == null ? null : body.spillAt().toInstant());
    }

    @PostMapping
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Schedule a release",
            description =
                    "channel ONLINE, PHONE or INVITATION (bookable only with a personal invitation code). spillAt "
                            + "(optional, PHONE or INVITATION releases only, after opensAt): from then on the release's "
                            + "unbooked series are ONLINE; 422 INVALID_SPILL otherwise.")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseCreated create(@Valid @RequestBody NewReleaseBody body) {
        CentreAccess.require(body.centreId());
        Release release = releases.create(newRelease(body));
        return new ReleaseCreated(
                release.id(), release.series(), release.seriesRequested(), status(release), show(release.spillAt()));
    }

    @GetMapping
    List<ReleaseView> list(@RequestParam String centreId) {
        CentreAccess.require(centreId);
        return releases.ofCentre(centreId).stream()
                .map(r -> new ReleaseView(
                        r.id(),
                        r.centreId(),
                        r.vaccine(),
                        r.firstDoseFrom(),
                        r.firstDoseTo(),
                        r.series(),
                        de.impftermin.shared.BerlinTime.show(r.opensAt()),
                        r.channel(),
                        status(r),
                        r.eligibility(),
                        show(r.spillAt()),
                        show(r.spilledAt()),
                        r.seriesWithdrawn()))
                .toList();
    }

    private static @Nullable OffsetDateTime show(@Nullable Instant at) {
        return at == null ? null : de.impftermin.shared.BerlinTime.show(at);
    }

    /** SCHEDULED, OPEN, PAUSED or WITHDRAWN. */
    private String status(Release release) {
        if (release.isWithdrawn()) {
            return "WITHDRAWN";
        }
        if (release.isPaused()) {
            return "PAUSED";
        }
        return release.isOpenAt(clock.instant()) ? "OPEN" : "SCHEDULED";
    }
}
