package de.impftermin.inventory;

import java.util.List;

/**
 * What changing an opening day's hours, lanes or slot length does to its seats: done (seats added and removed, the
 * unbooked series on removed seats withdrawn from their releases), or refused because removed seats carry booked or
 * held series, and nothing changed.
 */
public sealed interface DayReshape {

    record Reshaped(int seatsAdded, int seatsRemoved, int seriesWithdrawn) implements DayReshape {}

    /**
     * @param bookedPairs the booked pairs (bookings) that would lose a seat
     * @param heldSeries series on removed seats that someone holds right now (a citizen choosing, an offer, a closed
     *     day)
     */
    record Refused(List<Long> bookedPairs, int heldSeries) implements DayReshape {
        public Refused {
            bookedPairs = List.copyOf(bookedPairs);
        }
    }
}
