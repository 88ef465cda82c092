package de.impftermin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The booking invariants of one centre, checked in SQL against what is really stored: no seat in two pairs, no pair
 * in two live bookings, every seat marked with the pair that uses it, every 2nd dose inside its vaccine's interval.
 */
public final class Invariants {

    private final JdbcClient jdbc;

    public Invariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void check(String centreId) {
        assertThat(jdbc.sql("""
                        select seat_id from (
                            select first_seat_id seat_id from appointment_pair where centre_id = :c
                            union all
                            select second_seat_id from appointment_pair where centre_id = :c and second_seat_id is not null
                        ) s group by seat_id having count(*) > 1
                        """).param("c", centreId).query(Long.class).list())
                .as("seats in two pairs")
                .isEmpty();
        assertThat(jdbc.sql("""
                        select a.pair_id from booking_appointment a join booking b on b.id = a.booking_id
                        where a.centre_id = :c and b.status = 'CONFIRMED'
                        group by a.pair_id having count(distinct a.booking_id) > 1
                        """).param("c", centreId).query(Long.class).list())
                .as("pairs in two live bookings")
                .isEmpty();
        assertThat(jdbc.sql("""
                        select p.id from appointment_pair p join seat s
                          on s.centre_id = p.centre_id and s.id in (p.first_seat_id, p.second_seat_id)
                        where p.centre_id = :c and s.pair_id is distinct from p.id
                        """).param("c", centreId).query(Long.class).list())
                .as("pairs whose seats are not marked as theirs")
                .isEmpty();
        assertThat(jdbc.sql("""
                        select p.id from appointment_pair p
                        where p.centre_id = :c and p.second_starts_at is not null and not (
                            (p.second_starts_at at time zone 'Europe/Berlin')::date
                              - (p.first_starts_at at time zone 'Europe/Berlin')::date
                            between case p.vaccine when 'comirnaty' then 21 when 'spikevax' then 28 when 'vaxzevria' then 63 end
                                and case p.vaccine when 'comirnaty' then 42 when 'spikevax' then 42 when 'vaxzevria' then 84 end)
                        """).param("c", centreId).query(Long.class).list())
                .as("2nd doses outside the vaccine's interval")
                .isEmpty();
        assertThat(jdbc.sql("""
                        select p.id from appointment_pair p join booking b on b.id = p.booking_id
                        where p.centre_id = :c and b.status <> 'CONFIRMED'
                        """).param("c", centreId).query(Long.class).list())
                .as("pairs still given to cancelled bookings")
                .isEmpty();
    }

    /** Pairs of the centre that belong to a confirmed booking. */
    public int bookedPairs(String centreId) {
        return jdbc.sql("""
                        select count(*) from appointment_pair p join booking b on b.id = p.booking_id
                        where p.centre_id = ? and b.status = 'CONFIRMED'
                        """).param(centreId).query(Integer.class).single();
    }

    public int confirmedBookings(String centreId) {
        return jdbc.sql("select count(*) from booking where centre_id = ? and status = 'CONFIRMED'")
                .param(centreId)
                .query(Integer.class)
                .single();
    }

    public List<Long> pairsOfRelease(long releaseId) {
        return jdbc.sql("select id from appointment_pair where release_id = ? order by id")
                .param(releaseId)
                .query(Long.class)
                .list();
    }
}
