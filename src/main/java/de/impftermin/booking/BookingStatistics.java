package de.impftermin.booking;

import de.impftermin.shared.BerlinTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings counted for the state office. Each count is one aggregate over an index range of {@code booking}
 * ({@code booking_by_created}, {@code booking_by_cancelled}): it reads no hot row and takes no lock, so it does not slow
 * the booking path; a day of a whole region is a few ten thousand index entries.
 */
@Service
public class BookingStatistics {

    /**
     * One hour: bookings made in it (households count once) and bookings cancelled in it.
     *
     * @param hour the start of the hour
     */
    public record Hour(Instant hour, long booked, long cancelled) {}

    /** One day in Berlin: bookings made and bookings cancelled on it. */
    public record Day(LocalDate day, long booked, long cancelled) {}

    private final JdbcClient jdbc;

    BookingStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every hour from the one containing {@code from} up to {@code to} (exclusive), oldest first, also the hours
     * without bookings. {@code centreId} null counts all centres.
     */
    @Transactional(readOnly = true)
    public List<Hour> perHour(Instant from, Instant to, @Nullable String centreId) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Map<Instant, Long> booked = count("created_at", first, to, centreId);
        Map<Instant, Long> cancelled = count("cancelled_at", first, to, centreId);
        List<Hour> hours = new ArrayList<>();
        for (Instant hour = first; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(new Hour(hour, booked.getOrDefault(hour, 0L), cancelled.getOrDefault(hour, 0L)));
        }
        return hours;
    }

    /** Every day from {@code from} to {@code to} (both inclusive, Berlin days), oldest first, also days without any. */
    @Transactional(readOnly = true)
    public List<Day> perDay(LocalDate from, LocalDate to, @Nullable String centreId) {
        Instant start = BerlinTime.at(from, LocalTime.MIDNIGHT);
        Instant end = BerlinTime.at(to.plusDays(1), LocalTime.MIDNIGHT);
        Map<LocalDate, Long> booked = countDays("created_at", start, end, centreId);
        Map<LocalDate, Long> cancelled = countDays("cancelled_at", start, end, centreId);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Day(day, booked.getOrDefault(day, 0L), cancelled.getOrDefault(day, 0L)));
        }
        return days;
    }

    private Map<LocalDate, Long> countDays(String column, Instant from, Instant to, @Nullable String centreId) {
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("select cast(" + column + " at time zone 'Europe/Berlin' as date) as day, count(*) from booking where "
                        + column + " >= :from and " + column + " < :to"
                        + " and (cast(:centre as text) is null or centre_id = :centre) group by 1")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("centre", centreId)
                .query((rs, n) -> counts.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
        return counts;
    }

    private Map<Instant, Long> count(String column, Instant from, Instant to, @Nullable String centreId) {
        Map<Instant, Long> counts = new HashMap<>();
        jdbc.sql("select date_trunc('hour', " + column + ", 'UTC') as hour, count(*) from booking where " + column
                        + " >= :from and " + column + " < :to"
                        + " and (cast(:centre as text) is null or centre_id = :centre) group by 1")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("centre", centreId)
                .query((rs, n) -> counts.put(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .list();
        return counts;
    }
}
