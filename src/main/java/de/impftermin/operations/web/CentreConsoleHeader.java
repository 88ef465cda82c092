package de.impftermin.operations.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the centre console's header needs: the path for the language switch, whether someone is in. */
@ControllerAdvice(
        assignableTypes = {
            CentreConsoleController.class,
            CentreWeeksConsoleController.class,
            CentreReleasesConsoleController.class
        })
class CentreConsoleHeader {

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
    }
}
