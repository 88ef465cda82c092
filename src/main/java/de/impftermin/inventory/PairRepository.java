package de.impftermin.inventory;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.platform.SqlArrays;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the hot path: claiming, holding, assigning and freeing appointment pairs. */
@Repository
class PairRepository {

    private static final String SERIES_COLUMNS = """
            p.id, p.centre_id, p.vaccine, p.channel, p.first_starts_at, p.second_starts_at,
            r.born_on_or_after, r.born_on_or_before, r.postal_code_prefixes
            """;

    private final JdbcClient jdbc;

    PairRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the {@code count} free pairs nearest to {@code wantedAt} for the request's subject in one statement, or none
     * if fewer are free: a pair is free when it has no booking and no live hold, and for this subject also while its
     * own earlier live hold has it. Only the {@code window} free pairs on either side of the wanted time are
     * considered, read along the claimable index, so a claim reads a few index entries, not a whole day; of them the
     * nearest are locked, skipping rows another claimer has locked (so only rows that are taken are ever locked, and
     * nobody else is told "gone" for a row that stays free). The candidates are collected once into an array and joined
     * by key: written as {@code id in (select … union all …)}, PostgreSQL planned a semi join that re-ran both window
     * scans for every free pair of the day (58 ms near, 408 ms for the whole day at 1,182 free pairs, against 1 ms and 4
     * ms now).
     *
     * <p>Only if the pairs are held, the same statement ends the subject's earlier live holds (their other pairs are
     * free again at once: choosing again must not keep appointments from others for ten minutes) and inserts the hold;
     * if not, it changes nothing, so a refused new hold leaves the earlier one as it was. One statement instead of
     * three (end the earlier holds, claim, insert the hold): a hold is one round trip and one commit.
     *
     * @return the held pairs in time order (person 0 first), or an empty list
     */
    List<Series> hold(
            HoldRequest request,
            long[] releaseIds,
            Instant wantedAt,
            int window,
            Instant now,
            UUID holdId,
            Instant expiresAt) {
        String free = """
                centre_id = :centre and first_day = :day and release_id = any(:releases)
                and booking_id is null and (hold_expires_at is null or hold_expires_at <= :now)
                """;
        List<Series> held = jdbc.sql(
                        "with mine as (select id from hold where subject = :subject and expires_at > :now),"
                                + " later as (select id from appointment_pair where " + free
                                + " and first_starts_at >= :wanted order by first_starts_at, id limit :window),"
                                + " earlier as (select id from appointment_pair where " + free
                                + " and first_starts_at < :wanted order by first_starts_at desc, id desc limit :window),"
                                + """
                         own as (select id from appointment_pair
                                 where hold_id in (select id from mine) and centre_id = :centre and first_day = :day
                                   and release_id = any(:releases) and booking_id is null),
                         nearest as (select p.id
                                     from unnest(array(select id from later union all select id from earlier
                                                       union all select id from own)) c(id)
                                     join appointment_pair p on p.centre_id = :centre and p.id = c.id
                                     where p.first_day = :day and p.booking_id is null
                                       and (p.hold_expires_at is null or p.hold_expires_at <= :now
                                            or p.hold_id in (select id from mine))
                                     order by abs(extract(epoch from p.first_starts_at - :wanted)), p.first_starts_at, p.id
                                     limit :count for update of p skip locked),
                         held as (update appointment_pair p set hold_id = :hold, hold_expires_at = :expires
                                  from nearest n, release r
                                  where p.centre_id = :centre and p.id = n.id and r.id = p.release_id
                                    and (select count(*) from nearest) = :count
                                  returning\s""" + SERIES_COLUMNS + """
                        ),
                         ended as (update hold set expires_at = :now
                                   where id in (select id from mine) and exists (select 1 from held) returning id),
                         freed as (update appointment_pair p set hold_expires_at = :now
                                   where p.hold_id in (select id from ended) and p.booking_id is null
                                     and p.id not in (select id from held)),
                         created as (insert into hold (id, centre_id, subject, channel, birth_dates, postal_codes,
                                                       expires_at)
                                     select :hold, :centre, :subject, :channel, :births, :postalCodes, :expires
                                     where exists (select 1 from held))
                        select * from held
                        """)
                .param("centre", request.centreId())
                .param("day", request.date())
                .param(
                        "releases",
                        SqlArrays.of("bigint", Arrays.stream(releaseIds).boxed().toArray()))
                .param("now", utc(now))
                .param("wanted", utc(wantedAt))
                .param("count", request.applicants().size())
                .param("window", window)
                .param("hold", holdId)
                .param("expires", utc(expiresAt))
                .param("subject", request.subject())
                .param("channel", request.channels().getFirst().name())
                .param(
                        "births",
                        SqlArrays.of(
                                "date",
                                request.applicants().stream()
                                        .map(a -> a.birthDate().toString())
                                        .toArray()))
                .param(
                        "postalCodes",
                        SqlArrays.of(
                                "text",
                                request.applicants().stream()
                                        .map(Applicant::postalCode)
                                        .toArray()))
                .query(PairRepository::series)
                .list();
        return held.stream()
                .sorted(Comparator.comparing(Series::firstStartsAt).thenComparing(Series::pairId))
                .toList();
    }

    /**
     * Locks up to {@code limit} free pairs of open ONLINE releases at these centres, earliest first, skipping rows that
     * a claimer (a citizen's hold, another engine) has locked: the waitlist engine's pool for one transaction.
     */
    List<Series> lockFree(String[] centreIds, int limit, Instant now) {
        return jdbc.sql("select " + SERIES_COLUMNS + """
                        from appointment_pair p join release r on r.id = p.release_id
                        where p.centre_id = any(:centres) and p.booking_id is null
                          and (p.hold_expires_at is null or p.hold_expires_at <= :now)
                          and p.channel = 'ONLINE' and r.opens_at <= :now and r.paused_at is null
                          and p.first_starts_at > :now
                        order by p.first_starts_at, p.id
                        limit :limit
                        for update of p skip locked
                        """)
                .param("centres", SqlArrays.of("text", (Object[]) centreIds))
                .param("now", utc(now))
                .param("limit", limit)
                .query(PairRepository::series)
                .list();
    }

    /** Holds pairs this transaction has locked ({@link #lockFree}) under a new hold; returns the pairs held. */
    int holdLocked(
            UUID holdId,
            String centreId,
            long[] pairIds,
            String subject,
            List<Applicant> applicants,
            Instant expiresAt) {
        int held = jdbc.sql("""
                        update appointment_pair set hold_id = :hold, hold_expires_at = :expires
                        where centre_id = :centre and id = any(:pairs) and booking_id is null
                        """)
                .param("hold", holdId)
                .param("expires", utc(expiresAt))
                .param("centre", centreId)
                .param(
                        "pairs",
                        SqlArrays.of("bigint", Arrays.stream(pairIds).boxed().toArray()))
                .update();
        jdbc.sql("""
                        insert into hold (id, centre_id, subject, channel, birth_dates, postal_codes, expires_at)
                        values (:hold, :centre, :subject, 'ONLINE', :births, :postalCodes, :expires)
                        """)
                .param("hold", holdId)
                .param("centre", centreId)
                .param("subject", subject)
                .param(
                        "births",
                        SqlArrays.of(
                                "date",
                                applicants.stream()
                                        .map(a -> a.birthDate().toString())
                                        .toArray()))
                .param(
                        "postalCodes",
                        SqlArrays.of(
                                "text",
                                applicants.stream().map(Applicant::postalCode).toArray()))
                .param("expires", utc(expiresAt))
                .update();
        return held;
    }

    /** Ends a hold now: its unbooked pairs are free at once. */
    void endHold(UUID holdId, Instant now) {
        jdbc.sql("""
                        with ended as (update hold set expires_at = least(expires_at, :now) where id = :hold)
                        update appointment_pair set hold_expires_at = :now
                        where hold_id = :hold and booking_id is null and hold_expires_at > :now
                        """).param("hold", holdId).param("now", utc(now)).update();
    }

    /** The hold with its pairs still unbooked, in time order, read in one query. */
    Optional<Hold> findHold(UUID holdId) {
        record Row(Hold hold, @Nullable Series series) {}
        List<Row> rows = jdbc.sql("select h.id, h.centre_id, h.subject, h.expires_at, h.birth_dates, h.postal_codes, "
                        + SERIES_COLUMNS + """
                        from hold h
                        left join appointment_pair p
                          on p.centre_id = h.centre_id and p.hold_id = h.id and p.booking_id is null
                        left join release r on r.id = p.release_id
                        where h.id = ?
                        order by p.first_starts_at, p.id
                        """)
                .param(holdId)
                .query((rs, n) -> new Row(
                        new Hold(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                applicants(rs.getArray(5), rs.getArray(6)),
                                List.of()),
                        rs.getObject(7) == null ? null : seriesAfter(rs, 6)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Hold hold = rows.getFirst().hold();
        List<Series> series =
                rows.stream().map(Row::series).filter(Objects::nonNull).toList();
        return Optional.of(
                new Hold(hold.id(), hold.centreId(), hold.subject(), hold.expiresAt(), hold.applicants(), series));
    }

    /**
     * Gives the hold's pairs to the booking, in time order to persons 0, 1, …, only while the hold is live, and deletes
     * the hold, in one statement; the caller rolls back unless every pair was assigned. Under READ COMMITTED a
     * concurrent re-claim of an expired hold makes this update see the new hold id and skip the row.
     *
     * @return the pairs assigned
     */
    int assign(UUID holdId, long bookingId, Instant now) {
        return jdbc.sql("""
                        with assigned as (
                            update appointment_pair p set booking_id = :booking, person_position = o.position
                            from (select id, centre_id, row_number() over (order by first_starts_at, id) - 1 as position
                                  from appointment_pair where hold_id = :hold) o
                            where p.centre_id = o.centre_id and p.id = o.id and p.hold_id = :hold
                              and p.booking_id is null and p.hold_expires_at > :now
                            returning p.id),
                        deleted as (delete from hold where id = :hold)
                        select count(*) from assigned
                        """)
                .param("booking", bookingId)
                .param("hold", holdId)
                .param("now", utc(now))
                .query(Integer.class)
                .single();
    }

    void free(String centreId, long bookingId) {
        jdbc.sql("""
                        update appointment_pair
                        set booking_id = null, hold_id = null, hold_expires_at = null, person_position = null
                        where centre_id = ? and booking_id = ?
                        """).params(centreId, bookingId).update();
    }

    /**
     * Closes a day for new holds: every pair with a dose on {@code day} that no booking has is given to the closure
     * (a hold id without a hold row, never expiring), also pairs under a live hold, whose confirmation then fails as
     * expired. One statement: a confirmation in flight either committed before (its booking is then found) or finds
     * its pairs gone.
     */
    int close(String centreId, LocalDate day, UUID closure) {
        return jdbc.sql("""
                        update appointment_pair set hold_id = :closure, hold_expires_at = 'infinity'
                        where centre_id = :centre and booking_id is null and hold_id is distinct from :closure
                          and (first_day = :day
                               or (second_starts_at at time zone 'Europe/Berlin')::date = :day)
                        """)
                .param("closure", closure)
                .param("centre", centreId)
                .param("day", day)
                .update();
    }

    /**
     * Takes every unbooked pair of a closed centre out of sale: like {@link #close} for a day, the pairs go to a
     * never-expiring closure (also pairs under a live hold, whose confirmation then fails as expired); pairs a day's
     * cancellation closed already keep their own closure, so reopening the centre does not reopen that day.
     */
    int closeCentre(String centreId, UUID closure) {
        return jdbc.sql("""
                        update appointment_pair set hold_id = :closure, hold_expires_at = 'infinity'
                        where centre_id = :centre and booking_id is null
                          and (hold_expires_at is null or hold_expires_at <> 'infinity')
                        """).param("closure", closure).param("centre", centreId).update();
    }

    /** Gives the pairs of a centre's closure back to sale. */
    int reopenCentre(String centreId, UUID closure) {
        return jdbc.sql("""
                        update appointment_pair set hold_id = null, hold_expires_at = null
                        where centre_id = :centre and hold_id = :closure and booking_id is null
                        """).param("closure", closure).param("centre", centreId).update();
    }

    /** Free series per 1st-dose day in {@code [from, to]}: no booking, no live hold. */
    Map<LocalDate, Integer> freeByDay(String centreId, Vaccine vaccine, LocalDate from, LocalDate to, Instant now) {
        Map<LocalDate, Integer> free = new TreeMap<>();
        jdbc.sql("""
                        select first_day, count(*) from appointment_pair
                        where centre_id = :centre and vaccine = :vaccine and first_day between :from and :to
                          and booking_id is null and (hold_expires_at is null or hold_expires_at <= :now)
                          and release_id in (select id from release where centre_id = :centre and paused_at is null)
                        group by first_day
                        """)
                .param("centre", centreId)
                .param("vaccine", vaccine.id())
                .param("from", from)
                .param("to", to)
                .param("now", utc(now))
                .query((rs, n) -> free.put(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list();
        return free;
    }

    /**
     * Detaches the 2nd-dose seat from a booked pair: the seat is free for the next release to pair, and its dose goes
     * back to the release's ledger. False if the pair has no 2nd dose (any more).
     */
    boolean detachSecondDose(String centreId, long pairId) {
        Long seat = jdbc.sql("""
                        update appointment_pair p set second_seat_id = null, second_starts_at = null
                        from appointment_pair old
                        where p.centre_id = :centre and p.id = :pair and old.centre_id = p.centre_id and old.id = p.id
                          and p.second_seat_id is not null
                        returning old.second_seat_id
                        """)
                .param("centre", centreId)
                .param("pair", pairId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (seat == null) {
            return false;
        }
        jdbc.sql("update seat set pair_id = null where centre_id = ? and id = ?")
                .params(centreId, seat)
                .update();
        jdbc.sql("""
                        update release set doses_returned = doses_returned + 1
                        where id = (select release_id from appointment_pair where centre_id = ? and id = ?)
                        """).params(centreId, pairId).update();
        return true;
    }

    List<Series> ofBooking(String centreId, long bookingId) {
        return jdbc.sql("select " + SERIES_COLUMNS + """
                        from appointment_pair p join release r on r.id = p.release_id
                        where p.centre_id = ? and p.booking_id = ?
                        order by p.person_position
                        """)
                .params(centreId, bookingId)
                .query(PairRepository::series)
                .list();
    }

    private static Series series(ResultSet rs, int n) throws SQLException {
        return seriesAfter(rs, 0);
    }

    /** The series in the {@link #SERIES_COLUMNS} that follow the first {@code skip} columns. */
    private static Series seriesAfter(ResultSet rs, int skip) throws SQLException {
        OffsetDateTime second = rs.getObject(skip + 6, OffsetDateTime.class);
        return new Series(
                rs.getLong(skip + 1),
                rs.getString(skip + 2),
                Vaccine.fromJson(rs.getString(skip + 3)),
                Channel.valueOf(rs.getString(skip + 4)),
                rs.getObject(skip + 5, OffsetDateTime.class).toInstant(),
                second == null ? null : second.toInstant(),
                new EligibilityRule(
                        rs.getObject(skip + 7, LocalDate.class),
                        rs.getObject(skip + 8, LocalDate.class),
                        Arrays.asList((String[]) rs.getArray(skip + 9).getArray())));
    }

    private static List<Applicant> applicants(Array births, Array postalCodes) throws SQLException {
        Object[] b = (Object[]) births.getArray();
        String[] p = (String[]) postalCodes.getArray();
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            applicants.add(new Applicant(((java.sql.Date) b[i]).toLocalDate(), p[i]));
        }
        return applicants;
    }
}
