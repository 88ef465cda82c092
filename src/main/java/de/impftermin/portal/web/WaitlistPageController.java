package de.impftermin.portal.web;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.FormErrors;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Language;
import de.impftermin.verification.ContactAddress;
import de.impftermin.waitlist.Answer;
import de.impftermin.waitlist.Registered;
import de.impftermin.waitlist.RegistrationDetails;
import de.impftermin.waitlist.RegistrationRequest;
import de.impftermin.waitlist.Waitlist;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The waitlist pages: registering (after verification, with the persons of the eligibility check), the
 * registration's status with its place in line, and an offer with one button to accept and one to decline. The
 * offer page is reached by the signed link of the offer message; the link's token is the proof, carried by the forms.
 */
@Controller
class WaitlistPageController {

    private static final String NAME = "[^\\p{Cntrl}<>]{1,100}";

    record PersonInput(String firstName, String lastName, Applicant applicant) {}

    private final Waitlist waitlist;
    private final Centres centres;
    private final Journey journey;
    private final PortalCookies cookies;
    private final MessageSource messages;

    WaitlistPageController(
            Waitlist waitlist, Centres centres, Journey journey, PortalCookies cookies, MessageSource messages) {
        this.waitlist = waitlist;
        this.centres = centres;
        this.journey = journey;
        this.cookies = cookies;
        this.messages = messages;
    }

    @GetMapping("/warteliste")
    String form(@RequestParam(required = false) @Nullable String centre, HttpServletRequest request, Model model) {
        Flow flow = cookies.flow(request);
        if (!flow.hasPersons() || journey.token(request).isEmpty()) {
            return "redirect:/verification";
        }
        List<PersonInput> persons =
                flow.persons().stream().map(a -> new PersonInput("", "", a)).toList();
        List<String> chosen = centre == null ? List.of() : List.of(centre);
        return formPage(
                flow,
                persons,
                chosen,
                contactOf(flow, "SMS"),
                contactOf(flow, "EMAIL"),
                new FormErrors(messages),
                model);
    }

    @PostMapping("/warteliste")
    String register(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "centre", required = false) @Nullable List<String> chosen,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Flow flow = cookies.flow(request);
        String token = journey.token(request).orElse(null);
        if (!flow.hasPersons() || token == null) {
            return "redirect:/verification";
        }
        List<String> centreIds = chosen == null ? List.of() : chosen;
        FormErrors errors = new FormErrors(messages);
        List<PersonInput> persons = new ArrayList<>();
        for (int i = 0; i < flow.persons().size(); i++) {
            String first = form.getOrDefault("firstName" + i, "").strip();
            String last = form.getOrDefault("lastName" + i, "").strip();
            if (!first.matches(NAME)) {
                errors.add("firstName" + i, "waitlist.error.firstName", i + 1);
            }
            if (!last.matches(NAME)) {
                errors.add("lastName" + i, "waitlist.error.lastName", i + 1);
            }
            persons.add(new PersonInput(first, last, flow.persons().get(i)));
        }
        if (centreIds.isEmpty()) {
            errors.add("centres", "waitlist.error.centres");
        }
        String phone = form.getOrDefault("phone", "").strip();
        String email = form.getOrDefault("email", "").strip();
        String normalisedPhone = null;
        if (!phone.isEmpty()) {
            try {
                normalisedPhone = ContactAddress.phone(phone);
            } catch (Refusal refusal) {
                errors.add("phone", "waitlist.error.phone");
            }
        }
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add("email", "waitlist.error.email");
        }
        if (!errors.any()) {
            List<PersonDetails> details = persons.stream()
                    .map(p -> new PersonDetails(
                            p.firstName(),
                            p.lastName(),
                            p.applicant().birthDate(),
                            p.applicant().postalCode()))
                    .toList();
            Contact contact = new Contact(
                    normalisedPhone, email.isEmpty() ? null : email, Language.of(LocaleContextHolder.getLocale()));
            Registered registered =
                    waitlist.register(token, new RegistrationRequest(details, centreIds, null, contact));
            switch (registered) {
                case Registered.OnTheList on -> {
                    return "redirect:" + statusPath(on.id(), on.token());
                }
                case Registered.AlreadyBooked a -> errors.add("persons", "waitlist.error.alreadyBooked");
                case Registered.UnknownCentre u -> errors.add("centres", "waitlist.error.centres");
                case Registered.VerificationRequired v -> {
                    return "redirect:/verification";
                }
            }
        }
        response.setStatus(422);
        return formPage(flow, persons, centreIds, phone, email, errors, model);
    }

    @GetMapping("/warteliste/{id}")
    String status(
            @PathVariable UUID id, @RequestParam(name = "t", required = false) @Nullable String token, Model model) {
        return statusPage(id, token, null, model);
    }

    @PostMapping("/warteliste/{id}/annehmen")
    String accept(
            @PathVariable UUID id,
            @RequestParam(name = "t", required = false) @Nullable String token,
            HttpServletResponse response,
            Model model) {
        RegistrationDetails details = details(id, token);
        Answer answer = waitlist.accept(id, token);
        return switch (answer) {
            case Answer.Booked booked -> {
                cookies.booking(
                        response,
                        booked.booking().code(),
                        details.persons().getFirst().birthDate());
                yield "redirect:/confirmation";
            }
            case Answer.OfferExpired e -> {
                response.setStatus(410);
                yield statusPage(id, token, "waitlist.offer.expired", model);
            }
            case Answer.NoOffer n -> statusPage(id, token, "waitlist.offer.none", model);
            case Answer.NotFound n -> throw Refusal.notFound("Waitlist registration");
            case Answer.Done d -> statusPage(id, token, null, model);
        };
    }

    @PostMapping("/warteliste/{id}/ablehnen")
    String decline(@PathVariable UUID id, @RequestParam(name = "t", required = false) @Nullable String token) {
        if (waitlist.decline(id, token) instanceof Answer.NotFound) {
            throw Refusal.notFound("Waitlist registration");
        }
        return "redirect:" + statusPath(id, token);
    }

    @PostMapping("/warteliste/{id}/abmelden")
    String withdraw(@PathVariable UUID id, @RequestParam(name = "t", required = false) @Nullable String token) {
        if (waitlist.withdraw(id, token) instanceof Answer.NotFound) {
            throw Refusal.notFound("Waitlist registration");
        }
        return "redirect:" + statusPath(id, token);
    }

    private String statusPage(UUID id, @Nullable String token, @Nullable String notice, Model model) {
        RegistrationDetails details = details(id, token);
        model.addAttribute("registration", details);
        model.addAttribute("token", token);
        model.addAttribute("notice", notice);
        model.addAttribute(
                "centreNames",
                details.centreIds().stream()
                        .map(c -> centres.find(c).map(Centre::name).orElse(c))
                        .toList());
        model.addAttribute(
                "offerCentre",
                details.view().offer() == null
                                || details.view().offer().series().isEmpty()
                        ? null
                        : centres.find(details.view()
                                        .offer()
                                        .series()
                                        .getFirst()
                                        .appointments()
                                        .getFirst()
                                        .centreId())
                                .orElse(null));
        return "portal/waitlist";
    }

    private RegistrationDetails details(UUID id, @Nullable String token) {
        return waitlist.details(id, token).orElseThrow(() -> Refusal.notFound("Waitlist registration"));
    }

    private String formPage(
            Flow flow,
            List<PersonInput> persons,
            List<String> chosen,
            String phone,
            String email,
            FormErrors errors,
            Model model) {
        model.addAttribute("persons", persons);
        model.addAttribute(
                "centres", centres.all().stream().filter(c -> !c.phoneOnly()).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "portal/waitlist-register";
    }

    private static String contactOf(Flow flow, String channel) {
        return flow.channel() != null && flow.channel().name().equals(channel) && flow.address() != null
                ? flow.address()
                : "";
    }

    private static String statusPath(UUID id, @Nullable String token) {
        return UriComponentsBuilder.fromPath("/warteliste/{id}")
                .queryParam("t", token == null ? "" : token)
                .buildAndExpand(id)
                .encode()
                .toUriString();
    }
}
