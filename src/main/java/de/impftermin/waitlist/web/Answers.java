package de.impftermin.waitlist.web;

import de.impftermin.platform.Refusal;
import de.impftermin.waitlist.Answer;
import de.impftermin.waitlist.Registered;
import org.springframework.http.HttpStatus;

/** The waitlist's refusals as the HTTP edge answers them (problem+json through {@link Refusal}). */
final class Answers {

    private Answers() {}

    static Refusal refusal(Registered refused) {
        return switch (refused) {
            case Registered.AlreadyBooked a ->
                new Refusal(
                        HttpStatus.CONFLICT,
                        "ALREADY_BOOKED",
                        "A person of this registration already has a booked appointment and needs no waitlist.");
            case Registered.VerificationRequired v ->
                new Refusal(
                        HttpStatus.UNAUTHORIZED,
                        "VERIFICATION_REQUIRED",
                        "Please confirm your phone number or e-mail address first.");
            case Registered.UnknownCentre u ->
                Refusal.invalid("UNKNOWN_CENTRE", "There is no centre " + u.centreId() + ".");
            case Registered.OnTheList o -> throw new IllegalArgumentException("not a refusal");
        };
    }

    static Refusal refusal(Answer refused) {
        return switch (refused) {
            case Answer.OfferExpired e ->
                new Refusal(HttpStatus.GONE, "OFFER_EXPIRED", "The offer has expired; you are back on the waitlist.");
            case Answer.NoOffer n ->
                new Refusal(
                        HttpStatus.CONFLICT,
                        "NO_OFFER",
                        "There is no open offer; the registration is " + n.status() + ".");
            case Answer.NotFound n -> Refusal.notFound("Waitlist registration");
            case Answer.Booked b -> throw new IllegalArgumentException("not a refusal");
            case Answer.Done d -> throw new IllegalArgumentException("not a refusal");
        };
    }
}
