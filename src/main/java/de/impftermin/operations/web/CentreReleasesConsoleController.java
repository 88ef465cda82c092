package de.impftermin.operations.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.ReleaseChange;
import de.impftermin.inventory.Releases;
import de.impftermin.operations.CentreReleases;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's releases: the list with pause, resume and withdraw, and a new release in two steps, a preview that
 * writes nothing and then the release itself.
 */
@Controller
class CentreReleasesConsoleController {

    private final Centres centres;
    private final CentreReleases centreReleases;
    private final Releases releases;

    CentreReleasesConsoleController(Centres centres, CentreReleases centreReleases, Releases releases) {
        this.centres = centres;
        this.centreReleases = centreReleases;
        this.releases = releases;
    }

    @InitBinder("form")
    void binding(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
    }

    @GetMapping("/staff/centre/{id}/releases")
    String list(@PathVariable String id, Model model) {
        Centre centre = centre(id);
        return page(centre, null, List.of(), model);
    }

    @PostMapping("/staff/centre/{id}/releases/preview")
    String preview(
            @PathVariable String id,
            @Valid @ModelAttribute("form") ReleaseForm form,
            BindingResult errors,
            Model model) {
        Centre centre = centre(id);
        if (errors.hasErrors()) {
            return page(centre, form, invalidFields(errors), model);
        }
        model.addAttribute("centre", centre);
        model.addAttribute("form", form);
        model.addAttribute("draft", centreReleases.preview(form.toRelease(id)));
        model.addAttribute("opensAt", BerlinTime.at(form.opensOn(), form.opensAt()));
        return "staff/centre/release-preview";
    }

    @PostMapping("/staff/centre/{id}/releases")
    String schedule(
            @PathVariable String id,
            @Valid @ModelAttribute("form") ReleaseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Centre centre = centre(id);
        if (errors.hasErrors()) {
            return page(centre, form, invalidFields(errors), model);
        }
        try {
            Release release = releases.create(form.toRelease(id));
            redirect.addFlashAttribute("releaseDone", "CREATED");
            redirect.addFlashAttribute("releaseSeries", release.series());
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("releaseError", refusal.code());
        }
        return "redirect:/staff/centre/" + id + "/releases";
    }

    @PostMapping("/staff/centre/{id}/releases/{release}/{action:pause|resume|withdraw}")
    String change(
            @PathVariable String id,
            @PathVariable long release,
            @PathVariable String action,
            RedirectAttributes redirect) {
        centre(id);
        if (centreReleases.ofCentre(id).stream().noneMatch(r -> r.release().id() == release)) {
            throw Refusal.notFound("Release " + release);
        }
        ReleaseChange change = switch (action) {
            case "pause" -> releases.pause(release);
            case "resume" -> releases.resume(release);
            default -> releases.withdraw(release);
        };
        switch (change) {
            case ReleaseChange.Done done -> {
                redirect.addFlashAttribute("releaseDone", action.toUpperCase(java.util.Locale.ROOT));
                redirect.addFlashAttribute("releaseSeries", done.seriesWithdrawn());
            }
            case ReleaseChange.Unchanged unchanged -> redirect.addFlashAttribute("releaseDone", "UNCHANGED");
            case ReleaseChange.Refused refused -> redirect.addFlashAttribute("releaseError", refused.code());
            case ReleaseChange.NotFound notFound -> throw Refusal.notFound("Release " + release);
        }
        return "redirect:/staff/centre/" + id + "/releases#release-" + release;
    }

    private String page(Centre centre, ReleaseForm form, List<String> invalid, Model model) {
        model.addAttribute("centre", centre);
        model.addAttribute("rows", centreReleases.ofCentre(centre.id()));
        model.addAttribute("vaccines", Vaccine.values());
        model.addAttribute("channels", List.of(Channel.ONLINE, Channel.PHONE));
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        model.addAttribute("today", LocalDate.now(BerlinTime.ZONE));
        return "staff/centre/releases";
    }

    private static List<String> invalidFields(BindingResult errors) {
        return errors.getFieldErrors().stream()
                .map(FieldError::getField)
                .distinct()
                .toList();
    }

    private Centre centre(String id) {
        CentreAccess.require(id);
        return centres.find(id).orElseThrow(() -> Refusal.notFound("Centre " + id));
    }
}
