package de.impftermin.booking;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the booking module stores about one booking, as its citizen may see it (Art. 15 DSGVO): the booking as
 * everyone sees it, when it was cancelled, through what it was booked and which reminders went out.
 *
 * @param bookedThrough the verified phone number or e-mail address that booked it, {@code hotline} for an agent's
 *     booking, {@code waitlist} for an accepted waitlist offer
 * @param lastAppointmentAt the latest appointment; the booking's retention counts from it (or from the cancellation,
 *     if that came first)
 */
public record StoredBooking(
        BookingView booking,
        @Nullable OffsetDateTime cancelledAt,
        String bookedThrough,
        List<Reminder> reminders,
        OffsetDateTime lastAppointmentAt) {

    /** The reminder of one appointment, sent the day before. */
    public record Reminder(int person, int dose, OffsetDateTime sentAt) {}

    /** The instant the booking's retention period counts from. */
    public OffsetDateTime retainedFrom() {
        return cancelledAt != null && cancelledAt.isBefore(lastAppointmentAt) ? cancelledAt : lastAppointmentAt;
    }
}
