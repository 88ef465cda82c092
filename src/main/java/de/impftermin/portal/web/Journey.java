package de.impftermin.portal.web;

import de.impftermin.admission.WaitingRoom;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The order of the steps: choosing needs the persons (eligibility), a live verification and an admission pass. A page
 * reached too early sends the citizen back to the first step that is missing.
 */
@Component
class Journey {

    private final PortalCookies cookies;
    private final Verifications verifications;
    private final WaitingRoom waitingRoom;

    Journey(PortalCookies cookies, Verifications verifications, WaitingRoom waitingRoom) {
        this.cookies = cookies;
        this.verifications = verifications;
        this.waitingRoom = waitingRoom;
    }

    /** The redirect to the first missing step, or empty when the citizen may choose appointments. */
    Optional<String> missingStepBeforeChoosing(HttpServletRequest request) {
        if (!cookies.flow(request).hasPersons()) {
            return Optional.of("redirect:/eligibility");
        }
        if (token(request).isEmpty()) {
            return Optional.of("redirect:/verification");
        }
        if (pass(request).isEmpty()) {
            return Optional.of("redirect:/waiting-room");
        }
        return Optional.empty();
    }

    Optional<String> token(HttpServletRequest request) {
        return cookies.read(request, PortalCookies.TOKEN)
                .filter(t -> verifications.verifiedBy(t).isPresent());
    }

    Optional<String> pass(HttpServletRequest request) {
        return cookies.read(request, PortalCookies.PASS).filter(waitingRoom::admits);
    }
}
