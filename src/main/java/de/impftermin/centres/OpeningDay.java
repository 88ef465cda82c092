package de.impftermin.centres;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** One day a centre vaccinates: {@code lanes} people at a time, one every {@code slotMinutes} per lane. */
public record OpeningDay(
        String centreId, LocalDate date, LocalTime opens, LocalTime closes, int lanes, int slotMinutes) {

    public int slotsPerLane() {
        return (int) (Duration.between(opens, closes).toMinutes() / slotMinutes);
    }

    public int seats() {
        return lanes * slotsPerLane();
    }

    /** Closes after it opens, with room for at least one slot. */
    public boolean hasValidHours() {
        return closes.isAfter(opens) && slotsPerLane() >= 1;
    }

    /** The same hours, lanes and slot length on another day. */
    public OpeningDay on(LocalDate other) {
        return new OpeningDay(centreId, other, opens, closes, lanes, slotMinutes);
    }
}
