package de.impftermin.portal.web;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page: every centre with its status in plain words, filtered by county or postal code. The list is also
 * served alone as a fragment, which the page's script fetches again whenever the availability stream reports a
 * change, so a new centre or a new release shows up without a reload.
 */
@Controller
class StartController {

    private final AvailabilitySnapshots snapshots;

    StartController(AvailabilitySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping("/")
    String start(
            @RequestParam(required = false) @Nullable String county,
            @RequestParam(required = false) @Nullable String plz,
            Model model) {
        fill(model, county, plz);
        return "portal/start";
    }

    @GetMapping("/fragments/centres")
    String centres(
            @RequestParam(required = false) @Nullable String county,
            @RequestParam(required = false) @Nullable String plz,
            Model model) {
        fill(model, county, plz);
        return "portal/start :: centreList";
    }

    private void fill(Model model, @Nullable String county, @Nullable String plz) {
        List<CentreSummary> all = snapshots.current().centres();
        String wantedCounty = county == null ? "" : county.strip();
        String wantedPlz = plz == null ? "" : plz.replaceAll("[^0-9]", "");
        List<CentreSummary> shown = all.stream()
                .filter(c -> wantedCounty.isEmpty() || c.county().equalsIgnoreCase(wantedCounty))
                .filter(c -> wantedPlz.isEmpty() || c.postalCode().startsWith(wantedPlz))
                .sorted(Comparator.comparing((CentreSummary c) -> c.county().toLowerCase(Locale.GERMAN))
                        .thenComparing(c -> c.name().toLowerCase(Locale.GERMAN)))
                .toList();
        model.addAttribute(
                "counties",
                all.stream()
                        .map(CentreSummary::county)
                        .distinct()
                        .sorted(Comparator.comparing(c -> c.toLowerCase(Locale.GERMAN)))
                        .toList());
        model.addAttribute("centres", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("county", wantedCounty);
        model.addAttribute("plz", wantedPlz);
        model.addAttribute("filtered", !wantedCounty.isEmpty() || !wantedPlz.isEmpty());
    }
}
