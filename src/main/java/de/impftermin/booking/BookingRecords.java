package de.impftermin.booking;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booking's personal data over its life after the appointments: its anonymisation by the retention job once its
 * period is over. Anonymising deletes the persons (names, birth dates, postal codes, name keys) and clears the contact
 * and the address that booked; the booking row (code, centre, channel, status, times) and its appointments stay, so
 * that every statistic still counts it. An anonymised booking is found by nobody: no birth date matches it any more.
 */
@Service
public class BookingRecords {

    private final JdbcClient jdbc;

    BookingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Anonymises up to {@code batch} bookings whose last appointment (or cancellation, if earlier) lies before
     * {@code cutoff}, in one statement and one transaction; returns how many. The bookings are claimed with
     * {@code SKIP LOCKED}, so that instances purging at the same time share them and a booking being cancelled or
     * rebooked right now waits for the next run. Only a booking created before the cut-off can be due (its
     * appointments come after its creation), which keeps the read inside the partial index of bookings not yet
     * anonymised.
     */
    @Transactional
    public int anonymiseEnded(Instant cutoff, Instant now, int batch) {
        return jdbc.sql("""
                        with due as (
                            select b.id from booking b
                            where b.anonymised_at is null and b.created_at < :cutoff
                              and (b.cancelled_at < :cutoff
                                   or not exists (select 1 from booking_appointment a
                                                  where a.booking_id = b.id and a.starts_at >= :cutoff))
                            order by b.created_at limit :batch
                            for no key update of b skip locked),
                             persons as (delete from booking_person p using due where p.booking_id = due.id)
                        update booking b set contact_phone = null, contact_email = null, subject = '',
                                             anonymised_at = :now
                        from due where b.id = due.id
                        """)
                .param("cutoff", utc(cutoff))
                .param("now", utc(now))
                .param("batch", batch)
                .update();
    }
}
