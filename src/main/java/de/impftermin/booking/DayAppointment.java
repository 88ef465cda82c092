package de.impftermin.booking;

import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One dose appointment of a confirmed booking, with the person's name, as centre staff see it on the day list.
 *
 * @param person the person's position in the booking (0-based)
 * @param persons how many persons the booking has (a household books together)
 */
public record DayAppointment(
        String bookingCode,
        int person,
        int dose,
        String centreId,
        Vaccine vaccine,
        OffsetDateTime startsAt,
        String firstName,
        String lastName,
        LocalDate birthDate,
        long pairId,
        int persons) {}
