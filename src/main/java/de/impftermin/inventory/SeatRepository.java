package de.impftermin.inventory;

import de.impftermin.centres.OpeningDayScheduled;
import de.impftermin.inventory.domain.FreeSeat;
import de.impftermin.inventory.domain.SeatPair;
import de.impftermin.platform.SqlArrays;
import de.impftermin.shared.BerlinTime;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Seats: created with their opening day, paired once by a release. */
@Repository
class SeatRepository {

    private final JdbcClient jdbc;

    SeatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the transaction that adds the opening day: lanes × slots seats, wall-clock time in Berlin. */
    @EventListener
    void createSeats(OpeningDayScheduled event) {
        var day = event.day();
        jdbc.sql("""
                        insert into seat (centre_id, day, starts_at, lane)
                        select :centre, :day,
                               ((:day::date + :opens::time) + make_interval(mins => slot * :slotMinutes))
                                   at time zone 'Europe/Berlin',
                               lane
                        from generate_series(0, :slots - 1) slot, generate_series(1, :lanes) lane
                        """)
                .param("centre", day.centreId())
                .param("day", day.date())
                .param("opens", day.opens())
                .param("slotMinutes", day.slotMinutes())
                .param("slots", day.slotsPerLane())
                .param("lanes", day.lanes())
                .update();
    }

    List<FreeSeat> free(String centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select id, starts_at from seat
                        where centre_id = ? and day between ? and ? and pair_id is null
                        order by starts_at, lane
                        """)
                .params(centreId, from, to)
                .query((rs, n) -> new FreeSeat(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /**
     * Stores the pairs and marks their seats, in one statement that looks the seats up by key. (Joining the seats to
     * the release's pairs instead took 180 ms per release in the demo region's load, 12 of its 18 s: inside the
     * loading transaction the planner has no statistics for the rows it just inserted.) The seat update is guarded
     * ({@code pair_id is null}) and must touch every seat: a seat can never end up in two pairs, whatever happens
     * around this transaction.
     */
    void pairUp(String centreId, long releaseId, NewRelease release, List<SeatPair> pairs) {
        int n = pairs.size();
        Long[] firstIds = new Long[n];
        String[] firstAt = new String[n];
        String[] firstDays = new String[n];
        Long[] secondIds = new Long[n];
        String[] secondAt = new String[n];
        for (int i = 0; i < n; i++) {
            SeatPair pair = pairs.get(i);
            firstIds[i] = pair.first().id();
            firstAt[i] = pair.first().startsAt().toString();
            firstDays[i] = BerlinTime.dayOf(pair.first().startsAt()).toString();
            secondIds[i] = pair.second() == null ? null : pair.second().id();
            secondAt[i] =
                    pair.second() == null ? null : pair.second().startsAt().toString();
        }
        int marked = jdbc.sql("""
                        with pair as (
                            insert into appointment_pair (centre_id, release_id, vaccine, channel, first_day,
                                                          first_seat_id, first_starts_at, second_seat_id,
                                                          second_starts_at)
                            select :centre, :release, :vaccine, :channel, d, f, fa, s, sa
                            from unnest(:firstIds, :firstAt, :firstDays,
                                        :secondIds, :secondAt) as t(f, fa, d, s, sa)
                            returning id, first_seat_id, second_seat_id
                        ), paired as (
                            select id, first_seat_id as seat_id from pair
                            union all
                            select id, second_seat_id from pair where second_seat_id is not null
                        )
                        update seat s set pair_id = paired.id
                        from paired
                        where s.centre_id = :centre and s.id = paired.seat_id and s.pair_id is null
                        """)
                .param("centre", centreId)
                .param("release", releaseId)
                .param("vaccine", release.vaccine().id())
                .param("channel", release.channel().name())
                .param("firstIds", SqlArrays.of("bigint", firstIds))
                .param("firstAt", SqlArrays.of("timestamptz", firstAt))
                .param("firstDays", SqlArrays.of("date", firstDays))
                .param("secondIds", SqlArrays.of("bigint", secondIds))
                .param("secondAt", SqlArrays.of("timestamptz", secondAt))
                .update();
        int expected = n + (int) pairs.stream().filter(p -> p.second() != null).count();
        if (marked != expected) {
            throw new IllegalStateException("Seat pairing raced: marked " + marked + " of " + expected + " seats");
        }
    }
}
