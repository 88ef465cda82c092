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
}
