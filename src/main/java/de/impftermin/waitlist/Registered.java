package de.impftermin.waitlist;

import de.impftermin.waitlist.domain.Registration;
import java.util.UUID;

/** The outcome of registering: on the list, or why not. */
public sealed interface Registered {

    /** @param token the secret that proves the holder: the link in offer messages carries it */
    record OnTheList(UUID id, String token, Registration.Status status, int position) implements Registered {}

    record AlreadyBooked() implements Registered {}

    record VerificationRequired() implements Registered {}

    record UnknownCentre(String centreId) implements Registered {}
}
