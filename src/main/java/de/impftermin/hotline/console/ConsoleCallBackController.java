package de.impftermin.hotline.console;

import de.impftermin.hotline.CallBackOutcome;
import de.impftermin.hotline.CallBacks;
import de.impftermin.hotline.OutcomeRecorded;
import de.impftermin.hotline.TakenCallBack;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's end of the call-back queue, where the queue exists (a {@link CallBacks} bean): "next call-back" (Alt+N)
 * takes the oldest waiting request and starts a caller card with its phone, household size and postal code; the
 * outcome buttons close the call (BOOKED with the code booked during it).
 */
@Controller
@RequestMapping("/staff/hotline/callbacks")
@PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
class ConsoleCallBackController {

    private final ObjectProvider<CallBacks> callBacks;

    ConsoleCallBackController(ObjectProvider<CallBacks> callBacks) {
        this.callBacks = callBacks;
    }

    @PostMapping("/next")
    String next(Principal agent, HttpSession session, RedirectAttributes redirect) {
        CallBacks queue = callBacks.getIfAvailable();
        Optional<TakenCallBack> taken = queue == null ? Optional.empty() : queue.takeNext(agent.getName());
        if (taken.isEmpty()) {
            redirect.addFlashAttribute("notice", "hotline.callBacks.none");
            return "redirect:/staff/hotline";
        }
        TakenCallBack t = taken.get();
        CallerCard.forCallBack(new CallerCard.CallBack(t.id(), t.phone(), t.postalCode(), t.persons(), t.attempts()))
                .save(session);
        return "redirect:/staff/hotline";
    }

    @PostMapping("/outcome")
    String outcome(
            @RequestParam CallBackOutcome outcome, Principal agent, HttpSession session, RedirectAttributes redirect) {
        CallerCard card = CallerCard.of(session);
        CallBacks queue = callBacks.getIfAvailable();
        if (queue == null || card.callBack() == null) {
            return "redirect:/staff/hotline";
        }
        OutcomeRecorded recorded = queue.recordOutcome(
                card.callBack().id(),
                outcome,
                outcome == CallBackOutcome.BOOKED ? card.bookedCode() : null,
                agent.getName());
        String notice = switch (recorded) {
            case OutcomeRecorded.Recorded r -> {
                CallerCard.forget(session);
                yield "hotline.callBacks.recorded";
            }
            case OutcomeRecorded.BookingCodeRequired r -> "hotline.callBacks.bookFirst";
            case OutcomeRecorded.UnknownCallBack r -> "hotline.callBacks.notYours";
            case OutcomeRecorded.NotYours r -> "hotline.callBacks.notYours";
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/staff/hotline";
    }
}
