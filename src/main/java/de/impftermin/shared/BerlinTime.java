package de.impftermin.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Appointments live in Europe/Berlin: the database stores instants, people see local wall-clock time. Converting
 * only here keeps daylight-saving changes from shifting anything.
 */
public final class BerlinTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private BerlinTime() {}

    public static OffsetDateTime show(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, ZONE).toInstant();
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static LocalTime timeOf(Instant instant) {
        return instant.atZone(ZONE).toLocalTime();
    }
}
