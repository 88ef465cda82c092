package de.impftermin.centres.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.centres.Delivery;
import de.impftermin.centres.OpeningDay;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.PlausibleDate;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/centres")
@Tag(name = "Administration: centres")
@SecurityRequirement(name = "staff")
class CentreAdminController {

    record NewCentre(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lowercase letters, digits and -")
            String id,

            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String county,

            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit German postal code")
            String postalCode,

            @NotBlank @Size(max = 300) String address,
            @Nullable Boolean phoneOnly,
            @Nullable @Size(max = 40) String phone) {}

    record NewOpeningDay(
            @NotNull @PlausibleDate LocalDate date,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes,
            @NotNull @Min(1) @Max(100) Integer lanes,
            @NotNull @Min(1) @Max(240) Integer slotMinutes) {}

    record OpeningDayCreated(LocalDate date, int seats) {}

    record NewDelivery(
            @NotNull Vaccine vaccine,
            @NotNull @Min(1) @Max(10_000_000) Integer doses,
            @NotNull @PlausibleDate LocalDate arrives) {}

    private final Centres centres;

    CentreAdminController(Centres centres) {
        this.centres = centres;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Centre create(@Valid @RequestBody NewCentre body) {
        CentreAccess.requireAdmin();
        return centres.create(new Centre(
                body.id(),
                body.name(),
                body.county(),
                body.postalCode(),
                body.address(),
                Boolean.TRUE.equals(body.phoneOnly()),
                body.phone()));
    }

    @PostMapping("/{id}/opening-days")
    @ResponseStatus(HttpStatus.CREATED)
    OpeningDayCreated addOpeningDay(@PathVariable String id, @Valid @RequestBody NewOpeningDay body) {
        CentreAccess.require(id);
        OpeningDay day = centres.addOpeningDay(
                new OpeningDay(id, body.date(), body.opens(), body.closes(), body.lanes(), body.slotMinutes()));
        return new OpeningDayCreated(day.date(), day.seats());
    }

    @GetMapping("/{id}/opening-days")
    List<OpeningDay> openingDays(@PathVariable String id) {
        CentreAccess.require(id);
        return centres.openingDays(id);
    }

    @PostMapping("/{id}/deliveries")
    @ResponseStatus(HttpStatus.CREATED)
    Delivery addDelivery(@PathVariable String id, @Valid @RequestBody NewDelivery body) {
        CentreAccess.require(id);
        return centres.addDelivery(id, body.vaccine(), body.doses(), body.arrives());
    }

    @GetMapping("/{id}/deliveries")
    List<Delivery> deliveries(@PathVariable String id) {
        CentreAccess.require(id);
        return centres.deliveries(id);
    }
}
