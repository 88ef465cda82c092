package de.impftermin.operations;

import de.impftermin.centres.OpeningDay;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What became of a change of an opening day: done, refused because of bookings on seats it would remove, or no day. */
public sealed interface OpeningDayChange {

    /** Changed; the unbooked series on removed seats left their releases, their doses are back in the ledger. */
    record Changed(OpeningDay day, int seatsAdded, int seatsRemoved, int seriesWithdrawn) implements OpeningDayChange {}

    /**
     * Refused, nothing changed: these bookings have an appointment on a seat the change would remove, and
     * {@code heldSeries} series there are held right now (a citizen choosing, a waitlist offer).
     */
    record BookingsInTheWay(OpeningDay wanted, List<AffectedBooking> bookings, int heldSeries)
            implements OpeningDayChange {
        public BookingsInTheWay {
            bookings = List.copyOf(bookings);
        }
    }

    /** The centre does not open on that day (add it instead). */
    record NotOpen(String centreId, LocalDate date) implements OpeningDayChange {}

    /** A booking in the way: its earliest appointment on the day's removed seats. */
    record AffectedBooking(String bookingCode, OffsetDateTime startsAt, int dose, int persons) {}
}
