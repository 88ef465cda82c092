package de.impftermin.booking;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.booking.domain.BookingCode;
import de.impftermin.shared.BerlinTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booking's personal data over its life after the appointments: what the citizen may see of it, and its
 * anonymisation, by the retention job once its period is over or by the citizen after cancelling. Anonymising deletes
 * the persons (names, birth dates, postal codes, name keys) and clears the contact and the address that booked; the
 * booking row (code, centre, channel, status, times) and its appointments stay, so that every statistic still counts
 * it. An anonymised booking is found by nobody: no birth date matches it any more.
 */
@Service
public class BookingRecords {

    private final BookingRepository bookings;
    private final JdbcClient jdbc;

    BookingRecords(BookingRepository bookings, JdbcClient jdbc) {
        this.bookings = bookings;
        this.jdbc = jdbc;
    }

    /** Everything stored about the booking, if the code exists and one of its persons has this birth date. */
    @Transactional(readOnly = true)
    public Optional<StoredBooking> stored(String code, LocalDate birthDate) {
        return BookingCode.parse(code)
                .flatMap(bookings::find)
                .filter(b -> b.persons().stream().anyMatch(p -> p.birthDate().equals(birthDate)))
                .map(this::stored);
    }

    private StoredBooking stored(BookingView booking) {
        record Row(OffsetDateTime cancelledAt, String subject, OffsetDateTime last) {}
        Row row = jdbc.sql("""
                        select b.cancelled_at, b.subject,
                               coalesce((select max(a.starts_at) from booking_appointment a where a.booking_id = b.id),
                                        b.created_at)
                        from booking b where b.code = ?
                        """)
                .param(booking.code())
                .query((rs, n) -> new Row(
                        rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .single();
        List<StoredBooking.Reminder> reminders = jdbc.sql("""
                        select a.person, a.dose, a.reminded_at from booking_appointment a
                        where a.booking_id = (select id from booking where code = ?) and a.reminded_at is not null
                        order by a.person, a.dose
                        """)
                .param(booking.code())
                .query((rs, n) -> new StoredBooking.Reminder(
                        rs.getInt(1),
                        rs.getInt(2),
                        BerlinTime.show(rs.getObject(3, OffsetDateTime.class).toInstant())))
                .list();
        return new StoredBooking(
                booking,
                row.cancelledAt() == null
                        ? null
                        : BerlinTime.show(row.cancelledAt().toInstant()),
                through(row.subject()),
                reminders,
                BerlinTime.show(row.last().toInstant()));
    }

    private static String through(String subject) {
        if (subject.startsWith("SMS:") || subject.startsWith("EMAIL:")) {
            return subject.substring(subject.indexOf(':') + 1);
        }
        return subject.startsWith("WAITLIST:") ? "waitlist" : "hotline";
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

    /**
     * Anonymises a cancelled booking now, as the retention job would later; false if it is not cancelled or already
     * anonymised. In the caller's transaction, so that the erasure and its audit entry commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean erase(String code, Instant now) {
        return jdbc.sql("""
                                with b as (select id from booking
                                           where code = :code and status = 'CANCELLED' and anonymised_at is null
                                           for no key update),
                                     persons as (delete from booking_person p using b where p.booking_id = b.id)
                                update booking set contact_phone = null, contact_email = null, subject = '',
                                                   anonymised_at = :now
                                from b where booking.id = b.id
                                """).param("code", code).param("now", utc(now)).update() == 1;
    }
}
