package de.impftermin.benchmark;

import de.impftermin.platform.SqlArrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The booking invariants after a run, in SQL over the run's centres: no seat twice, every series whole (each person of
 * a confirmed booking has both doses, on one pair that the booking holds), every 2nd dose inside the vaccine's
 * interval, confirmed series = sold pairs, and every booking acknowledged to a client is stored.
 */
final class InvariantCheck {

    record Outcome(List<String> violations, long soldPairs, long confirmedSeries, long acknowledgedPresent) {

        boolean passed() {
            return violations.isEmpty();
        }

        String text() {
            return (passed() ? "PASSED" : "FAILED " + violations)
                    + String.format(
                            " (sold pairs %,d, confirmed series %,d, acknowledged bookings found %,d)",
                            soldPairs, confirmedSeries, acknowledgedPresent);
        }
    }

    static Outcome check(JdbcClient jdbc, Collection<String> centres, Collection<String> acknowledged) {
        var ids = SqlArrays.of("text", centres.toArray());
        List<String> violations = new ArrayList<>();
        long seatsTwice = jdbc.sql("""
                        select count(*) from (select centre_id, seat_id from (
                            select centre_id, first_seat_id seat_id from appointment_pair where centre_id = any(:c)
                            union all
                            select centre_id, second_seat_id from appointment_pair
                            where centre_id = any(:c) and second_seat_id is not null) s
                          group by centre_id, seat_id having count(*) > 1) twice
                        """).param("c", ids).query(Long.class).single();
        if (seatsTwice > 0) {
            violations.add(seatsTwice + " seats in two pairs");
        }
        long pairsTwice = jdbc.sql("""
                        select count(*) from (select a.pair_id from booking_appointment a
                          join booking b on b.id = a.booking_id
                          where a.centre_id = any(:c) and b.status = 'CONFIRMED' and a.dose = 1
                          group by a.centre_id, a.pair_id having count(*) > 1) twice
                        """).param("c", ids).query(Long.class).single();
        if (pairsTwice > 0) {
            violations.add(pairsTwice + " pairs booked twice");
        }
        long broken = jdbc.sql("""
                        select count(*) from booking b
                        where b.centre_id = any(:c) and b.status = 'CONFIRMED'
                          and (select count(*) from booking_person p where p.booking_id = b.id)
                              <> (select count(*) from booking_appointment a where a.booking_id = b.id and a.dose = 1)
                        """).param("c", ids).query(Long.class).single();
        broken += jdbc.sql("""
                        select count(*) from booking_appointment a
                        join booking b on b.id = a.booking_id
                        join appointment_pair p on p.centre_id = a.centre_id and p.id = a.pair_id
                        where a.centre_id = any(:c) and b.status = 'CONFIRMED' and a.dose = 1
                          and (p.booking_id is distinct from b.id
                               or (p.second_seat_id is not null) <> exists (
                                   select 1 from booking_appointment d where d.booking_id = a.booking_id
                                   and d.person = a.person and d.dose = 2 and d.pair_id = a.pair_id))
                        """).param("c", ids).query(Long.class).single();
        if (broken > 0) {
            violations.add(
                    broken + " series not whole (a person without both doses, or a pair not held by its booking)");
        }
        long outside = jdbc.sql("""
                        select count(*) from appointment_pair p
                        where p.centre_id = any(:c) and p.second_starts_at is not null and not (
                            (p.second_starts_at at time zone 'Europe/Berlin')::date
                              - (p.first_starts_at at time zone 'Europe/Berlin')::date between 21 and 42)
                        """).param("c", ids).query(Long.class).single();
        if (outside > 0) {
            violations.add(outside + " 2nd doses outside the interval");
        }
        long sold = jdbc.sql("""
                        select count(*) from appointment_pair p join booking b on b.id = p.booking_id
                        where p.centre_id = any(:c) and b.status = 'CONFIRMED'
                        """).param("c", ids).query(Long.class).single();
        long confirmed = jdbc.sql("""
                        select count(*) from booking_appointment a join booking b on b.id = a.booking_id
                        where a.centre_id = any(:c) and b.status = 'CONFIRMED' and a.dose = 1
                        """).param("c", ids).query(Long.class).single();
        if (sold != confirmed) {
            violations.add("sold pairs " + sold + " != confirmed series " + confirmed);
        }
        long present = jdbc.sql("select count(*) from booking where code = any(:codes) and status = 'CONFIRMED'")
                .param("codes", SqlArrays.of("text", acknowledged.toArray()))
                .query(Long.class)
                .single();
        if (present != acknowledged.size()) {
            violations.add((acknowledged.size() - present) + " acknowledged bookings missing");
        }
        return new Outcome(violations, sold, confirmed, present);
    }
}
