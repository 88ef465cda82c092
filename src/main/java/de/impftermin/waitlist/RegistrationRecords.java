package de.impftermin.waitlist;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Language;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations after they ended (booked, withdrawn, ended after missed offers): the retention job deletes them and
 * their offers a while after, and a citizen who erases a booking that came from the waitlist deletes its
 * registration with it. A registration that still waits is kept: it is doing its job.
 */
@Service
public class RegistrationRecords {

    private final JdbcClient jdbc;

    RegistrationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes up to {@code batch} registrations that ended before {@code cutoff}, with their offers, claimed with
     * {@code SKIP LOCKED}; returns how many registrations. One batch, one transaction.
     */
    @Transactional
    public int purgeClosedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        with due as (select id from waitlist_registration where closed_at < ?
                                     order by closed_at limit ? for update skip locked),
                             offers as (delete from waitlist_offer where registration_id in (select id from due))
                        delete from waitlist_registration where id in (select id from due)
                        """).params(utc(cutoff), batch).update();
    }

    /** The registrations whose accepted offer became this booking. */
    @Transactional(readOnly = true)
    public List<StoredRegistration> bookedAs(String bookingCode) {
        return jdbc.sql("""
                        select id, status, first_names, last_names, birth_dates, postal_codes, centre_ids, vaccine,
                               contact_phone, contact_email, language, created_at, closed_at
                        from waitlist_registration where booking_code = ? order by created_at
                        """)
                .param(bookingCode)
                .query(RegistrationRecords::stored)
                .list();
    }

    /** Deletes the registrations (and their offers) whose offer became this booking. In the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetBookedAs(String bookingCode) {
        return jdbc.sql("""
                        with gone as (select id from waitlist_registration where booking_code = ? for update),
                             offers as (delete from waitlist_offer where registration_id in (select id from gone))
                        delete from waitlist_registration where id in (select id from gone)
                        """).param(bookingCode).update();
    }

    private static StoredRegistration stored(ResultSet rs, int row) throws SQLException {
        String[] first = strings(rs.getArray(3));
        String[] last = strings(rs.getArray(4));
        Object[] births = (Object[]) rs.getArray(5).getArray();
        String[] postal = strings(rs.getArray(6));
        List<PersonDetails> persons = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            persons.add(new PersonDetails(first[i], last[i], ((java.sql.Date) births[i]).toLocalDate(), postal[i]));
        }
        return new StoredRegistration(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                persons,
                Arrays.asList(strings(rs.getArray(7))),
                rs.getString(8),
                new Contact(rs.getString(9), rs.getString(10), Language.fromJson(rs.getString(11))),
                BerlinTime.show(rs.getObject(12, OffsetDateTime.class).toInstant()),
                shownOrNull(rs.getObject(13, OffsetDateTime.class)));
    }

    private static @Nullable OffsetDateTime shownOrNull(@Nullable OffsetDateTime at) {
        return at == null ? null : BerlinTime.show(at.toInstant());
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
