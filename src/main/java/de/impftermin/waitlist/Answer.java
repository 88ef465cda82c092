package de.impftermin.waitlist;

import de.impftermin.booking.BookingView;
import de.impftermin.waitlist.domain.Registration;

/** The outcome of answering an offer (accept, decline) or withdrawing. */
public sealed interface Answer {

    record Booked(BookingView booking) implements Answer {}

    record Done(RegistrationView registration) implements Answer {}

    record OfferExpired() implements Answer {}

    record NoOffer(Registration.Status status) implements Answer {}

    /** No such registration, or the token does not prove it: the same answer, so a guess learns nothing. */
    record NotFound() implements Answer {}
}
