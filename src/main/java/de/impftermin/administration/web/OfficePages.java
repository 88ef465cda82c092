package de.impftermin.administration.web;

import de.impftermin.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every office page needs: the path (for the language switch and the office navigation), whether someone is
 * signed in, a session for the CSRF token before the page streams, and the texts of the current language.
 */
@ControllerAdvice(
        assignableTypes = {
            OfficeAccountsController.class,
            OfficeAuditController.class,
            OfficeStatisticsController.class,
            OfficeHomeController.class,
            OfficeCentresController.class,
            OfficeInvitationsController.class
        })
class OfficePages {

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedIn", request.getUserPrincipal() != null);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    /** Message texts in the language of the current request. */
    @Component
    static class Texts {
        private final MessageSource messages;

        Texts(MessageSource messages) {
            this.messages = messages;
        }

        String get(String key, Object... args) {
            return messages.getMessage(key, args, LocaleContextHolder.getLocale());
        }

        /** No problems yet, for a form of this request's language. */
        FormErrors errors() {
            return new FormErrors(messages);
        }
    }
}
