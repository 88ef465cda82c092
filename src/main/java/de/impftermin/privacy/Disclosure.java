package de.impftermin.privacy;

/** The answer to a citizen asking for everything stored about their booking. */
public sealed interface Disclosure {

    record Disclosed(PersonalData data) implements Disclosure {}

    record Refused(CitizenRequest reason) implements Disclosure {}
}
