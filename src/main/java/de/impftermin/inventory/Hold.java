package de.impftermin.inventory;

import de.impftermin.eligibility.Applicant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appointment pairs held for a short time: series {@code i} is for applicant {@code i}. */
public record Hold(
        UUID id, String centreId, String subject, Instant expiresAt, List<Applicant> applicants, List<Series> series) {

    public Hold {
        applicants = List.copyOf(applicants);
        series = List.copyOf(series);
    }
}
