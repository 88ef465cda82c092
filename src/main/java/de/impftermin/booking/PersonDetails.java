package de.impftermin.booking;

import java.time.LocalDate;

/** A person booked for, as given on the personal-data form. */
public record PersonDetails(String firstName, String lastName, LocalDate birthDate, String postalCode) {}
