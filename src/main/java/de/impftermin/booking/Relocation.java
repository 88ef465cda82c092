package de.impftermin.booking;

/**
 * What became of a booking on a cancelled day: moved to new appointments (a new booking code), cancelled with the
 * request to book again, or nothing, because it was no longer live.
 */
public sealed interface Relocation {

    /** How many persons were told (each person of a household once, by the booking's contact). */
    int personsNotified();

    record Moved(BookingView old, BookingView booking) implements Relocation {
        @Override
        public int personsNotified() {
            return booking.persons().size();
        }
    }

    record Cancelled(BookingView booking) implements Relocation {
        @Override
        public int personsNotified() {
            return booking.persons().size();
        }
    }

    record NotLive(String code) implements Relocation {
        @Override
        public int personsNotified() {
            return 0;
        }
    }
}
