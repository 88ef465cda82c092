package de.impftermin.booking;

import de.impftermin.shared.Vaccine;
import java.time.OffsetDateTime;

/** One dose appointment of a booked person ({@code person} is the index into the booking's persons). */
public record Appointment(int person, int dose, String centreId, OffsetDateTime startsAt, Vaccine vaccine) {}
