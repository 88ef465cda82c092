package de.impftermin.booking;

import de.impftermin.shared.Channel;
import java.time.OffsetDateTime;
import java.util.List;

/** A booking as the citizen, the hotline and other modules see it. */
public record BookingView(
        String code,
        Status status,
        Channel channel,
        String centreId,
        List<PersonDetails> persons,
        List<Appointment> appointments,
        Contact contact,
        OffsetDateTime createdAt) {

    public enum Status {
        CONFIRMED,
        CANCELLED
    }
}
