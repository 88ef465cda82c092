package de.impftermin.inventory;

import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.platform.SqlArrays;
import de.impftermin.platform.SqlTimes;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReleaseRepository {

    private static final String COLUMNS = """
            id, centre_id, vaccine, first_dose_from, first_dose_to, series_requested, series, opens_at, channel,
            born_on_or_after, born_on_or_before, postal_code_prefixes, spill_at, spilled_at, paused_at, withdrawn_at,
            series_withdrawn
            """;

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The doses every earlier release of this vaccine at the centre has promised (the ledger's debit side), less those
     * given back (the 2nd doses of 1st-dose no-shows, the series withdrawn).
     */
    long dosesPromised(String centreId, Vaccine vaccine) {
        return jdbc.sql("""
                        select coalesce(sum((series - series_withdrawn) * doses_per_series - doses_returned), 0) from release
                        where centre_id = ? and vaccine = ?
                        """).params(centreId, vaccine.id()).query(Long.class).single();
    }

    long insert(NewRelease r, int series) {
        return jdbc.sql("""
                        insert into release (centre_id, vaccine, first_dose_from, first_dose_to, series_requested, series,
                                             doses_per_series, opens_at, channel, born_on_or_after, born_on_or_before,
                                             postal_code_prefixes, spill_at)
                        values (:centre, :vaccine, :from, :to, :requested, :series, :doses, :opensAt, :channel,
                                :after, :before, :prefixes, :spillAt)
                        returning id
                        """)
                .param("centre", r.centreId())
                .param("vaccine", r.vaccine().id())
                .param("from", r.firstDoseFrom())
                .param("to", r.firstDoseTo())
                .param("requested", r.series())
                .param("series", series)
                .param("doses", r.vaccine().doses())
                .param("opensAt", SqlTimes.utc(r.opensAt()))
                .param("channel", r.channel().name())
                .param("spillAt", r.spillAt() == null ? null : SqlTimes.utc(r.spillAt()))
                .param("after", r.eligibility().bornOnOrAfter())
                .param("before", r.eligibility().bornOnOrBefore())
                .param(
                        "prefixes",
                        de.impftermin.platform.SqlArrays.of(
                                "text", r.eligibility().postalCodePrefixes().toArray()))
                .query(Long.class)
                .single();
    }

    List<FreeSeries> freeSeries(Instant now) {
        return jdbc.sql("""
                        select p.centre_id, p.release_id, p.first_day, p.vaccine, p.channel, count(*)
                        from appointment_pair p join release r on r.id = p.release_id
                        where r.opens_at <= :now and r.paused_at is null and p.booking_id is null
                          and (p.hold_expires_at is null or p.hold_expires_at <= :now)
                        group by p.centre_id, p.release_id, p.first_day, p.vaccine, p.channel
                        """)
                .param("now", SqlTimes.utc(now))
                .query((rs, n) -> new FreeSeries(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        Vaccine.fromJson(rs.getString(4)),
                        Channel.valueOf(rs.getString(5)),
                        rs.getInt(6)))
                .list();
    }

    /** Free series of one release's {@code channel} per 1st-dose day. */
    TreeMap<LocalDate, Integer> freeDays(long releaseId, Channel channel, Instant now) {
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        jdbc.sql("""
                        select p.first_day, count(*)
                        from appointment_pair p join release r on r.id = p.release_id
                        where p.release_id = :release and p.channel = :channel
                          and r.opens_at <= :now and p.booking_id is null
                          and (p.hold_expires_at is null or p.hold_expires_at <= :now)
                        group by p.first_day
                        """)
                .param("release", releaseId)
                .param("channel", channel.name())
                .param("now", SqlTimes.utc(now))
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list();
        return days;
    }

    List<FreeTime> freeTimes(String centreId, LocalDate day, Instant now, long[] releaseIds) {
        return jdbc.sql("""
                        select p.first_starts_at, p.vaccine, min(p.second_starts_at), count(*)
                        from appointment_pair p join release r on r.id = p.release_id
                        where p.centre_id = :centre and p.first_day = :day and p.channel = 'ONLINE'
                          and p.release_id = any(:releases)
                          and r.opens_at <= :now and r.paused_at is null and p.booking_id is null
                          and (p.hold_expires_at is null or p.hold_expires_at <= :now)
                        group by p.first_starts_at, p.vaccine
                        order by p.first_starts_at, p.vaccine
                        """)
                .param("centre", centreId)
                .param("day", day)
                .param(
                        "releases",
                        SqlArrays.of("bigint", Arrays.stream(releaseIds).boxed().toArray()))
                .param("now", SqlTimes.utc(now))
                .query((rs, n) -> {
                    OffsetDateTime second = rs.getObject(3, OffsetDateTime.class);
                    return new FreeTime(
                            rs.getObject(1, OffsetDateTime.class).toInstant(),
                            Vaccine.fromJson(rs.getString(2)),
                            second == null ? null : second.toInstant(),
                            rs.getInt(4));
                })
                .list();
    }

    List<FreeTime> freeTimes(String centreId, LocalDate day, Channel channel, long[] releaseIds, Instant now) {
        return jdbc.sql("""
                        select p.first_starts_at, p.vaccine, min(p.second_starts_at), count(*)
                        from appointment_pair p join release r on r.id = p.release_id
                        where p.centre_id = :centre and p.first_day = :day and p.channel = :channel
                          and p.release_id = any(:releases)
                          and r.opens_at <= :now and r.paused_at is null and p.booking_id is null
                          and (p.hold_expires_at is null or p.hold_expires_at <= :now)
                        group by p.first_starts_at, p.vaccine
                        order by p.first_starts_at, p.vaccine
                        """)
                .param("centre", centreId)
                .param("day", day)
                .param("channel", channel.name())
                .param(
                        "releases",
                        de.impftermin.platform.SqlArrays.of(
                                "bigint", Arrays.stream(releaseIds).boxed().toArray()))
                .param("now", SqlTimes.utc(now))
                .query((rs, n) -> {
                    OffsetDateTime second = rs.getObject(3, OffsetDateTime.class);
                    return new FreeTime(
                            rs.getObject(1, OffsetDateTime.class).toInstant(),
                            Vaccine.fromJson(rs.getString(2)),
                            second == null ? null : second.toInstant(),
                            rs.getInt(4));
                })
                .list();
    }

    boolean pause(long id, Instant now) {
        return jdbc.sql("update release set paused_at = ? where id = ? and paused_at is null")
                        .params(SqlTimes.utc(now), id)
                        .update()
                == 1;
    }

    boolean resume(long id) {
        return jdbc.sql(
                                "update release set paused_at = null where id = ? and paused_at is not null and withdrawn_at is null")
                        .param(id)
                        .update()
                == 1;
    }

    boolean markWithdrawn(long id, Instant now) {
        return jdbc.sql("""
                        update release set withdrawn_at = :now, paused_at = coalesce(paused_at, :now)
                        where id = :id and withdrawn_at is null
                        """).param("now", SqlTimes.utc(now)).param("id", id).update() == 1;
    }

    Map<Long, Integer> bookedSeries(String centreId) {
        Map<Long, Integer> booked = new HashMap<>();
        jdbc.sql("""
                        select release_id, count(*) from appointment_pair
                        where centre_id = ? and booking_id is not null group by release_id
                        """)
                .param(centreId)
                .query((rs, n) -> booked.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return booked;
    }

    Optional<Release> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from release where id = ?")
                .param(id)
                .query(ReleaseRepository::release)
                .optional();
    }

    List<Release> ofCentre(String centreId) {
        return jdbc.sql("select " + COLUMNS + " from release where centre_id = ? order by opens_at, id")
                .param(centreId)
                .query(ReleaseRepository::release)
                .list();
    }

    List<Release> all() {
        return jdbc.sql("select " + COLUMNS + " from release order by opens_at, id")
                .query(ReleaseRepository::release)
                .list();
    }

    static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(
                rs.getLong("id"),
                rs.getString("centre_id"),
                Vaccine.fromJson(rs.getString("vaccine")),
                rs.getObject("first_dose_from", LocalDate.class),
                rs.getObject("first_dose_to", LocalDate.class),
                rs.getInt("series_requested"),
                rs.getInt("series"),
                rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
                Channel.valueOf(rs.getString("channel")),
                new EligibilityRule(
                        rs.getObject("born_on_or_after", LocalDate.class),
                        rs.getObject("born_on_or_before", LocalDate.class),
                        Arrays.asList(
                                (String[]) rs.getArray("postal_code_prefixes").getArray())),
                instant(rs.getObject("spill_at", OffsetDateTime.class)),
                instant(rs.getObject("spilled_at", OffsetDateTime.class)),
                instant(rs.getObject("paused_at", OffsetDateTime.class)),
                instant(rs.getObject("withdrawn_at", OffsetDateTime.class)),
                rs.getInt("series_withdrawn"));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
