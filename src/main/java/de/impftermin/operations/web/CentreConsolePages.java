package de.impftermin.operations.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the centre console needs: the header's model (the path for the language switch, whether someone
 * is signed in) and the page's centre, 403 for a centre the operator does not run, 404 for none.
 */
@ControllerAdvice(
        assignableTypes = {
            CentreConsoleController.class,
            CentreWeeksConsoleController.class,
            CentreReleasesConsoleController.class
        })
class CentreConsolePages {

    private final Centres centres;

    CentreConsolePages(Centres centres) {
        this.centres = centres;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
    }

    Centre centre(String id) {
        CentreAccess.require(id);
        return centres.find(id).orElseThrow(() -> Refusal.notFound("Centre " + id));
    }
}
