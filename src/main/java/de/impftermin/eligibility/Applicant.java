package de.impftermin.eligibility;

import java.time.LocalDate;

/** What eligibility needs to know of a person. */
public record Applicant(LocalDate birthDate, String postalCode) {}
