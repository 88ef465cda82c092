package de.impftermin.portal.web;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreSummary;
import de.impftermin.booking.Bookings;
import de.impftermin.booking.HoldView;
import de.impftermin.booking.WantedAppointments;
import de.impftermin.eligibility.Applicant;
import de.impftermin.inventory.Invitations;
import de.impftermin.inventory.Invitations.Invitation;
import de.impftermin.inventory.Invitations.Lookup;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.Releases;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step 4 with a letter: the citizen types the personal invitation code, sees the centre and the days the invitation
 * is for, chooses a day and a time, and holds them with the code; from there the booking goes on as any other. The
 * code is looked up for the citizen's verified address, so wrong codes count against that address's limit; a valid
 * one is kept in the signed flow cookie and looked up again on every page (it may have been used meanwhile).
 */
@Controller
class InvitationController {

    static final String PAGE = "/appointments/invitation";

    /** A 1st-dose day of the invitation with enough free series for the household. */
    record FreeDay(LocalDate date, int free) {}

    private final Invitations invitations;
    private final Releases releases;
    private final Bookings bookings;
    private final AvailabilitySnapshots snapshots;
    private final Verifications verifications;
    private final Journey journey;
    private final PortalCookies cookies;
    private final MessageSource messages;
    private final Clock clock;

    InvitationController(
            Invitations invitations,
            Releases releases,
            Bookings bookings,
            AvailabilitySnapshots snapshots,
            Verifications verifications,
            Journey journey,
            PortalCookies cookies,
            MessageSource messages,
            Clock clock) {
        this.invitations = invitations;
        this.releases = releases;
        this.bookings = bookings;
        this.snapshots = snapshots;
        this.verifications = verifications;
        this.journey = journey;
        this.cookies = cookies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String form(HttpServletRequest request, Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        model.addAttribute("errors", new FormErrors(messages));
        return "portal/invitation";
    }

    @PostMapping(PAGE)
    String enter(
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        FormErrors errors = new FormErrors(messages);
        Flow flow = cookies.flow(request);
        if (code == null || code.isBlank()) {
            errors.add("code", "invitation.error.missing");
            response.setStatus(422);
        } else {
            switch (invitations.lookUp(subject(request), code)) {
                case Lookup.Valid valid -> {
                    int forPeople = valid.invitation().householdSize();
                    if (forPeople >= flow.persons().size()) {
                        cookies.flow(
                                response, flow.withInvitation(valid.invitation().code()));
                        return "redirect:" + PAGE + "/days";
                    }
                    errors.add("code", "invitation.error.household", forPeople);
                    response.setStatus(403);
                }
                case Lookup.Unknown unknown -> {
                    errors.add("code", "invitation.error.unknown");
                    response.setStatus(403);
                }
                case Lookup.Used used -> {
                    errors.add("code", "invitation.error.used");
                    response.setStatus(409);
                }
                case Lookup.TooManyWrongCodes tooMany -> {
                    long minutes = Math.max(1, (tooMany.retryAfter().toSeconds() + 59) / 60);
                    errors.add("code", "invitation.error.tooMany", minutes);
                    response.setStatus(429);
                    response.setHeader(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(tooMany.retryAfter().toSeconds()));
                }
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("code", code == null ? "" : code);
        return "portal/invitation";
    }

    @GetMapping(PAGE + "/days")
    String days(HttpServletRequest request, Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        Optional<Invitation> invitation = invitation(request);
        if (invitation.isEmpty()) {
            return "redirect:" + PAGE;
        }
        Release release = invitation.get().release();
        List<Applicant> persons = cookies.flow(request).persons();
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("centre", centre(release.centreId()));
        model.addAttribute("eligible", release.eligibility().decideAll(persons).eligible());
        model.addAttribute(
                "days",
                releases.freeDays(release.id(), Channel.INVITATION, clock.instant()).entrySet().stream()
                        .filter(e -> e.getValue() >= persons.size())
                        .map(e -> new FreeDay(e.getKey(), e.getValue()))
                        .toList());
        return "portal/invitation-days";
    }

    @GetMapping(PAGE + "/{date}")
    String times(@PathVariable String date, HttpServletRequest request, Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        Optional<Invitation> invitation = invitation(request);
        if (invitation.isEmpty()) {
            return "redirect:" + PAGE;
        }
        return timesPage(invitation.get(), parseDate(date), request, new FormErrors(messages), model);
    }

    @PostMapping(PAGE + "/hold")
    String hold(
            @RequestParam String date,
            @RequestParam(required = false) @Nullable String time,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> missing = journey.missingStepBeforeChoosing(request);
        if (missing.isPresent()) {
            return missing.get();
        }
        Optional<Invitation> invitation = invitation(request);
        if (invitation.isEmpty()) {
            return "redirect:" + PAGE;
        }
        LocalDate day = parseDate(date);
        FormErrors errors = new FormErrors(messages);
        if (time == null || !time.matches("[0-9]{2}:[0-9]{2}\\|[a-z]+")) {
            errors.add("time", "choose.error.time.missing");
            response.setStatus(422);
            return timesPage(invitation.get(), day, request, errors, model);
        }
        String[] parts = time.split("\\|");
        try {
            HoldView hold = bookings.hold(
                    journey.token(request).orElse(null),
                    journey.pass(request).orElse(null),
                    new WantedAppointments(
                            invitation.get().release().centreId(),
                            day,
                            LocalTime.parse(parts[0]),
                            Vaccine.find(parts[1]).orElse(null),
                            cookies.flow(request).persons(),
                            invitation.get().code()));
            return "redirect:/appointments/held/" + hold.id();
        } catch (Refusal refusal) {
            switch (refusal.code()) {
                case "VERIFICATION_REQUIRED" -> {
                    return "redirect:/verification";
                }
                case "ADMISSION_REQUIRED" -> {
                    return "redirect:/waiting-room";
                }
                case "NOT_ELIGIBLE" -> errors.add("time", "choose.error.notEligible");
                case "NO_APPOINTMENTS" -> errors.add("time", "choose.error.gone");
                case "INVITATION_USED", "INVITATION_REQUIRED" -> errors.add("time", "invitation.error.used");
                default -> throw refusal;
            }
            response.setStatus(refusal.status().value());
            return timesPage(invitation.get(), day, request, errors, model);
        } catch (DateTimeParseException e) {
            throw Refusal.notFound("Time");
        }
    }

    private String timesPage(
            Invitation invitation, LocalDate day, HttpServletRequest request, FormErrors errors, Model model) {
        Release release = invitation.release();
        boolean eligible =
                release.eligibility().decideAll(cookies.flow(request).persons()).eligible();
        model.addAttribute("centre", centre(release.centreId()));
        model.addAttribute("day", day);
        model.addAttribute(
                "byHour",
                ChoiceController.byHour(
                        eligible
                                ? releases.freeTimes(
                                        release.centreId(),
                                        day,
                                        Channel.INVITATION,
                                        List.of(release.id()),
                                        clock.instant())
                                : List.of()));
        model.addAttribute("needed", cookies.flow(request).persons().size());
        model.addAttribute("errors", errors);
        model.addAttribute("holdAction", PAGE + "/hold");
        model.addAttribute("otherDay", PAGE + "/days");
        return "portal/choose-time";
    }

    /** The flow's invitation code, if it is still valid (it may have been booked meanwhile). */
    private Optional<Invitation> invitation(HttpServletRequest request) {
        String code = cookies.flow(request).invitationCode();
        if (code == null) {
            return Optional.empty();
        }
        return invitations.lookUp(subject(request), code) instanceof Lookup.Valid valid
                ? Optional.of(valid.invitation())
                : Optional.empty();
    }

    /** The verified address the codes are looked up for; the journey made sure there is one. */
    private String subject(HttpServletRequest request) {
        return journey.token(request)
                .flatMap(verifications::verifiedBy)
                .map(ContactAddress::subject)
                .orElseThrow(() -> Refusal.notFound("Verification"));
    }

    private CentreSummary centre(String centreId) {
        return snapshots.current().centre(centreId);
    }

    private static LocalDate parseDate(String date) {
        return PortalFormats.day(date);
    }
}
