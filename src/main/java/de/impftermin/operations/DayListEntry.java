package de.impftermin.operations;

import de.impftermin.operations.domain.VisitStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One line of a centre's day list, as the API and the console show it. */
public record DayListEntry(
        String reference,
        OffsetDateTime startsAt,
        int dose,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String bookingCode,
        VisitStatus status,
        @Nullable String lot,
        String vaccine) {}
