package de.impftermin.inventory;

import de.impftermin.centres.OpeningDay;
import de.impftermin.centres.OpeningDayScheduled;
import de.impftermin.inventory.domain.FreeSeat;
import de.impftermin.inventory.domain.SeatPair;
import de.impftermin.platform.SqlArrays;
import de.impftermin.platform.SqlTimes;
import de.impftermin.shared.BerlinTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    /** The seats of an opening day: lanes × slots, wall-clock time in Berlin. */
    private static final String GRID = """
            select ((:day::date + :opens::time) + make_interval(mins => slot * :slotMinutes))
                       at time zone 'Europe/Berlin' as starts_at,
                   lane
            from generate_series(0, :slots - 1) slot, generate_series(1, :lanes) lane
            """;

    /** Runs inside the transaction that adds the opening day. */
    @EventListener
    void createSeats(OpeningDayScheduled event) {
        fillGrid(event.day());
    }

    /** Creates the seats of the day's grid that do not exist yet; returns how many. */
    int fillGrid(OpeningDay day) {
        return grid(
                        day,
                        "insert into seat (centre_id, day, starts_at, lane) select :centre, :day, g.starts_at, g.lane from ("
                                + GRID + ") g on conflict (centre_id, starts_at, lane) do nothing")
                .update();
    }

    /** The day's existing seats that lie outside the grid of {@code day}'s hours, lanes and slot length. */
    List<Long> outsideGrid(OpeningDay day) {
        return grid(
                        day,
                        "select s.id from seat s where s.centre_id = :centre and s.day = :day and not exists (select 1 from ("
                                + GRID + ") g where g.starts_at = s.starts_at and g.lane = s.lane) order by s.id")
                .query(Long.class)
                .list();
    }

    private JdbcClient.StatementSpec grid(OpeningDay day, String sql) {
        return jdbc.sql(sql)
                .param("centre", day.centreId())
                .param("day", day.date())
                .param("opens", day.opens())
                .param("slotMinutes", day.slotMinutes())
                .param("slots", day.slotsPerLane())
                .param("lanes", day.lanes());
    }

    /** A pair with a dose on one of the seats to remove, locked for the caller's transaction. */
    record PairOnSeat(long pairId, boolean booked, @Nullable Instant holdExpiresAt) {
        boolean heldAt(Instant now) {
            return holdExpiresAt != null && holdExpiresAt.isAfter(now);
        }
    }

    /**
     * Locks the pairs on these seats; waits for a claim or confirmation in flight (a later claim skips them), so what
     * it answers stays true until the caller commits.
     */
    List<PairOnSeat> lockPairsOn(String centreId, List<Long> seatIds) {
        if (seatIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, booking_id is not null, hold_expires_at from appointment_pair
                        where centre_id = :centre and (first_seat_id = any(:seats) or second_seat_id = any(:seats))
                        order by id
                        for update
                        """)
                .param("centre", centreId)
                .param("seats", SqlArrays.of("bigint", seatIds.toArray()))
                .query((rs, n) -> {
                    OffsetDateTime held = rs.getObject(3, OffsetDateTime.class);
                    return new PairOnSeat(rs.getLong(1), rs.getBoolean(2), held == null ? null : held.toInstant());
                })
                .list();
    }

    /**
     * Takes unbooked, unheld pairs out of their releases: the pairs are deleted, their seats free, and each release
     * counts them as withdrawn (their doses are back in the ledger). A pair that got a booking or a live hold
     * meanwhile stays (the statement re-checks each row it locks). Returns the pairs withdrawn.
     */
    int withdrawPairs(String centreId, long[] pairIds, Instant now) {
        if (pairIds.length == 0) {
            return 0;
        }
        return withdraw(
                "centre_id = :centre and id = any(:pairs)",
                Map.of(
                        "centre",
                        centreId,
                        "pairs",
                        SqlArrays.of("bigint", Arrays.stream(pairIds).boxed().toArray()),
                        "now",
                        SqlTimes.utc(now)));
    }

    /** Withdraws the unbooked, unheld pairs of withdrawn releases (all of them, or those of one release). */
    int withdrawFreePairsOfWithdrawn(@Nullable Long releaseId, Instant now) {
        return withdraw(
                "release_id in (select id from release where withdrawn_at is not null"
                        + (releaseId == null ? "" : " and id = :release") + ")",
                releaseId == null
                        ? Map.of("now", SqlTimes.utc(now))
                        : Map.of("release", releaseId, "now", SqlTimes.utc(now)));
    }

    private int withdraw(String which, Map<String, Object> params) {
        return jdbc.sql("""
                        with gone as (
                            delete from appointment_pair
                            where\s""" + which + """
                              and booking_id is null and (hold_expires_at is null or hold_expires_at <= :now)
                            returning centre_id, release_id, first_seat_id, second_seat_id),
                        seats as (
                            update seat s set pair_id = null
                            from (select centre_id, first_seat_id as seat_id from gone
                                  union all
                                  select centre_id, second_seat_id from gone where second_seat_id is not null) g
                            where s.centre_id = g.centre_id and s.id = g.seat_id),
                        counted as (
                            update release r set series_withdrawn = series_withdrawn + g.n
                            from (select release_id, count(*) n from gone group by release_id) g
                            where r.id = g.release_id)
                        select count(*) from gone
                        """).params(params).query(Integer.class).single();
    }

    int delete(String centreId, List<Long> seatIds) {
        if (seatIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from seat where centre_id = :centre and id = any(:seats) and pair_id is null")
                .param("centre", centreId)
                .param("seats", SqlArrays.of("bigint", seatIds.toArray()))
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
