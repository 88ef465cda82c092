package de.impftermin.booking;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.booking.domain.BookingCode;
import de.impftermin.booking.domain.PersonKey;
import de.impftermin.inventory.Series;
import de.impftermin.platform.Refusal;
import de.impftermin.platform.SqlArrays;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Language;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BookingRepository {

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any of these persons (by {@link PersonKey}) has a live booking. */
    boolean anyLive(List<PersonDetails> persons) {
        return jdbc.sql("select exists (select 1 from booking_person where person_key = any(:keys) and live)")
                .param(
                        "keys",
                        texts(
                                persons,
                                p -> PersonKey.of(p.firstName(), p.lastName(), p.birthDate())
                                        .value()))
                .query(Boolean.class)
                .single();
    }

    /** A booking row just inserted: its id and the database's creation instant. */
    record Inserted(long id, Instant createdAt) {}

    /**
     * Inserts the booking and its persons, and links the {@code idempotencyKey} (claimed before by
     * {@link #claimIdempotencyKey}) to it, in one statement; a person with a live booking elsewhere is refused by the
     * unique index.
     */
    Inserted insert(
            BookingCode code,
            String centreId,
            Channel channel,
            Contact contact,
            String subject,
            List<PersonDetails> persons,
            @Nullable String idempotencyKey) {
        try {
            return jdbc.sql("""
                            with b as (insert into booking (centre_id, code, status, channel, contact_phone,
                                                            contact_email, language, subject)
                                       values (:centre, :code, 'CONFIRMED', :channel, :phone, :email, :language,
                                               :subject)
                                       returning id, created_at),
                                 p as (insert into booking_person (booking_id, position, first_name, last_name,
                                                                   birth_date, postal_code, person_key)
                                       select b.id, x.position - 1, x.first_name, x.last_name, x.birth_date,
                                              x.postal_code, x.person_key
                                       from b, unnest(:firstNames, :lastNames, :birthDates, :postalCodes, :keys)
                                               with ordinality
                                               as x(first_name, last_name, birth_date, postal_code, person_key,
                                                    position)),
                                 k as (update idempotency_key set booking_id = (select id from b)
                                       where subject = :subject and key = :key)
                            select id, created_at from b
                            """)
                    .param("centre", centreId)
                    .param("code", code.value())
                    .param("channel", channel.name())
                    .param("phone", contact.phone())
                    .param("email", contact.email())
                    .param("language", contact.language().code())
                    .param("subject", subject)
                    .param("key", idempotencyKey)
                    .param("firstNames", texts(persons, p -> p.firstName().strip()))
                    .param("lastNames", texts(persons, p -> p.lastName().strip()))
                    .param(
                            "birthDates",
                            SqlArrays.of(
                                    "date",
                                    persons.stream()
                                            .map(p -> p.birthDate().toString())
                                            .toArray()))
                    .param("postalCodes", texts(persons, PersonDetails::postalCode))
                    .param(
                            "keys",
                            texts(
                                    persons,
                                    p -> PersonKey.of(p.firstName(), p.lastName(), p.birthDate())
                                            .value()))
                    .query((rs, n) -> new Inserted(
                            rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .single();
        } catch (DuplicateKeyException e) {
            if (!(e.getMostSpecificCause() instanceof PSQLException psql)
                    || psql.getServerErrorMessage() == null
                    || !"one_live_booking_per_person"
                            .equals(psql.getServerErrorMessage().getConstraint())) {
                throw e;
            }
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "ALREADY_BOOKED",
                    "A person of this booking already has a booked appointment. Cancel that one first to book anew.");
        }
    }

    private static Object texts(List<PersonDetails> persons, Function<PersonDetails, String> text) {
        return SqlArrays.of("text", persons.stream().map(text).toArray());
    }

    /** The appointments of {@code series} (series {@code i} for person {@code i}), in one statement. */
    void insertAppointments(long bookingId, List<Series> series) {
        List<Appointment> appointments = appointments(series);
        List<Object> params = new ArrayList<>();
        for (Appointment a : appointments) {
            Series s = series.get(a.person());
            params.addAll(List.of(
                    bookingId, a.person(), a.dose(), s.centreId(), s.vaccine().id(), a.startsAt(), s.pairId()));
        }
        jdbc.sql("insert into booking_appointment (booking_id, person, dose, centre_id, vaccine, starts_at, pair_id)"
                        + " values "
                        + String.join(", ", Collections.nCopies(appointments.size(), "(?, ?, ?, ?, ?, ?, ?)")))
                .params(params)
                .update();
    }

    /**
     * The view of a booking just inserted, as {@link #find} would read it back (names stored stripped, appointments by
     * person and dose), without reading it back.
     */
    static BookingView confirmedView(
            BookingCode code,
            String centreId,
            Channel channel,
            Contact contact,
            List<PersonDetails> persons,
            List<Series> series,
            Instant createdAt) {
        return new BookingView(
                code.value(),
                BookingView.Status.CONFIRMED,
                channel,
                centreId,
                persons.stream()
                        .map(p -> new PersonDetails(
                                p.firstName().strip(), p.lastName().strip(), p.birthDate(), p.postalCode()))
                        .toList(),
                appointments(series),
                contact,
                BerlinTime.show(createdAt));
    }

    private static List<Appointment> appointments(List<Series> series) {
        List<Appointment> appointments = new ArrayList<>();
        for (int person = 0; person < series.size(); person++) {
            Series s = series.get(person);
            appointments.add(new Appointment(person, 1, s.centreId(), BerlinTime.show(s.firstStartsAt()), s.vaccine()));
            if (s.secondStartsAt() != null) {
                appointments.add(
                        new Appointment(person, 2, s.centreId(), BerlinTime.show(s.secondStartsAt()), s.vaccine()));
            }
        }
        return appointments;
    }

    /** Empty if the key is new (and now taken by this transaction), else the booking made with it earlier. */
    Optional<BookingView> claimIdempotencyKey(String subject, String key) {
        int inserted = jdbc.sql("insert into idempotency_key (subject, key) values (?, ?) on conflict do nothing")
                .params(subject, key)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return bookingOfKey(subject, key);
    }

    /** The booking made earlier with this key, if any. */
    Optional<BookingView> bookingOfKey(String subject, String key) {
        return jdbc.sql("""
                        select b.code from idempotency_key k join booking b on b.id = k.booking_id
                        where k.subject = ? and k.key = ?
                        """)
                .params(subject, key)
                .query(String.class)
                .optional()
                .flatMap(code -> find(new BookingCode(code)));
    }

    /** Marks the booking cancelled; false if it already was. */
    boolean cancel(String code) {
        int changed = jdbc.sql("""
                        update booking set status = 'CANCELLED', cancelled_at = now()
                        where code = ? and status = 'CONFIRMED'
                        """).param(code).update();
        if (changed == 1) {
            jdbc.sql(
                            "update booking_person set live = false where booking_id = (select id from booking where code = ?)")
                    .param(code)
                    .update();
        }
        return changed == 1;
    }

    /** An appointment whose reminder this transaction has claimed. */
    record ClaimedReminder(String code, int person, int dose) {}

    /**
     * Claims the unsent reminders of up to {@code batch} confirmed bookings, booked before {@code bookedBefore}, for
     * their appointments in {@code [from, to)}. A booking is locked ({@code SKIP LOCKED}) so that another instance
     * takes other bookings, and the guarded update of {@code reminded_at} claims each appointment once: an instance
     * that read the same rows before this one committed finds nothing left to update.
     */
    List<ClaimedReminder> claimReminders(Instant from, Instant to, Instant bookedBefore, int batch) {
        return jdbc.sql("""
                        with due as (
                            select b.id, b.code from booking b
                            where b.id in (select a.booking_id from booking_appointment a
                                           where a.reminded_at is null and a.starts_at >= :from and a.starts_at < :to)
                              and b.status = 'CONFIRMED' and b.created_at < :bookedBefore
                            order by b.id limit :batch
                            for no key update of b skip locked)
                        update booking_appointment a set reminded_at = now()
                        from due
                        where a.booking_id = due.id and a.reminded_at is null
                          and a.starts_at >= :from and a.starts_at < :to
                        returning due.code, a.person, a.dose
                        """)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("bookedBefore", utc(bookedBefore))
                .param("batch", batch)
                .query((rs, n) -> new ClaimedReminder(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** The appointments of confirmed bookings at the centre on {@code day} (Berlin time), by time. */
    List<DayAppointment> onDay(String centreId, LocalDate day) {
        return dayAppointments("""
                        where a.centre_id = :centre and b.status = 'CONFIRMED'
                          and (a.starts_at at time zone 'Europe/Berlin')::date = :day
                        """, centreId, day, null, 0, 0);
    }

    Optional<DayAppointment> appointment(String code, int person, int dose) {
        return dayAppointments("""
                        where b.code = :code and a.person = :person and a.dose = :dose and b.status = 'CONFIRMED'
                        """, null, null, code, person, dose).stream().findFirst();
    }

    private List<DayAppointment> dayAppointments(
            String where,
            @Nullable String centreId,
            @Nullable LocalDate day,
            @Nullable String code,
            int person,
            int dose) {
        return jdbc.sql("""
                        select b.code, a.person, a.dose, a.centre_id, a.vaccine, a.starts_at,
                               p.first_name, p.last_name, p.birth_date, a.pair_id,
                               (select count(*) from booking_person q where q.booking_id = b.id)
                        from booking_appointment a
                        join booking b on b.id = a.booking_id
                        join booking_person p on p.booking_id = a.booking_id and p.position = a.person
                        """ + where + " order by a.starts_at, p.last_name, p.first_name, b.code, a.person")
                .param("centre", centreId)
                .param("day", day)
                .param("code", code)
                .param("person", person)
                .param("dose", dose)
                .query((rs, n) -> new DayAppointment(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getString(4),
                        Vaccine.fromJson(rs.getString(5)),
                        BerlinTime.show(rs.getObject(6, OffsetDateTime.class).toInstant()),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, LocalDate.class),
                        rs.getLong(10),
                        rs.getInt(11)))
                .list();
    }

    /** Removes a person's 2nd-dose appointment from the booking; false if there was none. */
    boolean dropSecondDose(String code, int person) {
        return jdbc.sql("""
                        delete from booking_appointment
                        where booking_id = (select id from booking where code = ?) and person = ? and dose = 2
                        """).params(code, person).update() == 1;
    }

    long idOf(String code) {
        return jdbc.sql("select id from booking where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    /**
     * The codes of bookings with a person of this last name (and first name, where given; both ignoring case), birth
     * date and postal code, newest first, at most {@code limit}. Served by the index of V75.
     */
    List<String> codesByName(
            @Nullable String firstName, String lastName, LocalDate birthDate, String postalCode, int limit) {
        return jdbc.sql("""
                        select b.code from booking b
                        where b.id in (select p.booking_id from booking_person p
                                       where p.birth_date = :birthDate and lower(p.last_name) = lower(:lastName)
                                         and p.postal_code = :postalCode
                                         and (cast(:firstName as text) is null
                                              or lower(p.first_name) = lower(:firstName)))
                        order by b.created_at desc, b.id desc limit :limit
                        """)
                .param("birthDate", birthDate)
                .param("lastName", lastName.strip())
                .param("postalCode", postalCode)
                .param("firstName", firstName == null || firstName.isBlank() ? null : firstName.strip())
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    Optional<BookingView> find(BookingCode code) {
        record Row(long id, BookingView booking) {}
        return jdbc.sql("""
                        select id, code, status, channel, centre_id, contact_phone, contact_email, created_at, language
                        from booking where code = ?
                        """)
                .param(code.value())
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        new BookingView(
                                rs.getString(2),
                                BookingView.Status.valueOf(rs.getString(3)),
                                Channel.valueOf(rs.getString(4)),
                                rs.getString(5),
                                List.of(),
                                List.of(),
                                new Contact(rs.getString(6), rs.getString(7), Language.fromJson(rs.getString(9))),
                                BerlinTime.show(
                                        rs.getObject(8, OffsetDateTime.class).toInstant()))))
                .optional()
                .map(row -> {
                    BookingView b = row.booking();
                    return new BookingView(
                            b.code(),
                            b.status(),
                            b.channel(),
                            b.centreId(),
                            persons(row.id()),
                            appointments(row.id()),
                            b.contact(),
                            b.createdAt());
                });
    }

    private List<PersonDetails> persons(long bookingId) {
        return jdbc.sql("""
                        select first_name, last_name, birth_date, postal_code from booking_person
                        where booking_id = ? order by position
                        """)
                .param(bookingId)
                .query((rs, n) -> new PersonDetails(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    private List<Appointment> appointments(long bookingId) {
        return jdbc.sql("""
                        select person, dose, centre_id, starts_at, vaccine from booking_appointment
                        where booking_id = ? order by person, dose
                        """)
                .param(bookingId)
                .query((rs, n) -> new Appointment(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getString(3),
                        BerlinTime.show(rs.getObject(4, OffsetDateTime.class).toInstant()),
                        Vaccine.fromJson(rs.getString(5))))
                .list();
    }
}
