package de.impftermin.availability;

import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The public availability feed: free series per centre, 1st-dose day and vaccine (online contingent). */
public record Feed(OffsetDateTime generatedAt, List<CentreDays> centres) {

    public record CentreDays(String id, List<Day> days) {}

    public record Day(LocalDate date, Vaccine vaccine, int freeSeries) {}
}
