package de.impftermin.portal.web;

import de.impftermin.admission.TicketStatus;
import de.impftermin.admission.WaitingRoom;
import de.impftermin.platform.Refusal;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Step 3: the waiting room. The ticket is kept in a cookie for 12 hours, so a reload or a closed tab keeps the place;
 * once admitted the pass (bound to the verified address) is stored and the citizen goes straight on to choosing. While waiting, the page's script
 * polls the ticket and reloads when the state changes; without script the page offers a refresh link.
 */
@Controller
class WaitingRoomPageController {

    private static final Duration TICKET_LIFE = Duration.ofHours(12);
    private static final Duration PASS_LIFE = Duration.ofMinutes(30);

    private final WaitingRoom waitingRoom;
    private final Verifications verifications;
    private final Journey journey;
    private final PortalCookies cookies;

    WaitingRoomPageController(
            WaitingRoom waitingRoom, Verifications verifications, Journey journey, PortalCookies cookies) {
        this.waitingRoom = waitingRoom;
        this.verifications = verifications;
        this.journey = journey;
        this.cookies = cookies;
    }

    @GetMapping("/waiting-room")
    String waitingRoom(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!cookies.flow(request).hasPersons()) {
            return "redirect:/eligibility";
        }
        Optional<String> subject =
                journey.token(request).flatMap(verifications::verifiedBy).map(ContactAddress::subject);
        if (subject.isEmpty()) {
            return "redirect:/verification";
        }
        TicketStatus status = current(request, subject.get()).orElseGet(() -> waitingRoom.join(subject.get()));
        cookies.write(response, PortalCookies.TICKET, status.ticket(), TICKET_LIFE);
        if (status.state() == TicketStatus.State.ADMITTED && status.pass() != null) {
            cookies.write(response, PortalCookies.PASS, status.pass(), PASS_LIFE);
            return "redirect:/appointments";
        }
        model.addAttribute("status", status);
        model.addAttribute("etaMinutes", Math.max(1, (status.etaSeconds() + 59) / 60));
        return "portal/waiting-room";
    }

    private Optional<TicketStatus> current(HttpServletRequest request, String subject) {
        return cookies.read(request, PortalCookies.TICKET).flatMap(ticket -> {
            try {
                return Optional.of(waitingRoom.status(ticket, subject));
            } catch (Refusal unknownOrExpired) {
                return Optional.empty();
            }
        });
    }
}
