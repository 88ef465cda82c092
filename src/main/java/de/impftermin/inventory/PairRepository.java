package de.impftermin.inventory;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
     * Locks up to {@code count} free pairs nearest to {@code wantedAt}, skipping rows another claimer has locked. A
     * pair is free when it has no booking and no live hold.
     */
    List<Long> claim(String centreId, LocalDate day, long[] releaseIds, Instant wantedAt, int count, Instant now) {
        return jdbc.sql("""
                        select id from appointment_pair
                        where centre_id = :centre and first_day = :day and release_id = any(:releases)
                          and booking_id is null and (hold_expires_at is null or hold_expires_at <= :now)
                        order by abs(extract(epoch from first_starts_at - :wanted)), first_starts_at, id
                        limit :count
                        for update skip locked
                        """)
                .param("centre", centreId)
                .param("day", day)
                .param(
                        "releases",
                        SqlArrays.of("bigint", Arrays.stream(releaseIds).boxed().toArray()))
                .param("now", utc(now))
                .param("wanted", utc(wantedAt))
                .param("count", count)
                .query(Long.class)
                .list();
    }

    void markHeld(String centreId, List<Long> pairIds, UUID holdId, Instant expiresAt) {
        jdbc.sql("""
                        update appointment_pair set hold_id = :hold, hold_expires_at = :expires
                        where centre_id = :centre and id = any(:ids)
                        """)
                .param("hold", holdId)
                .param("expires", utc(expiresAt))
                .param("centre", centreId)
                .param("ids", SqlArrays.of("bigint", pairIds.toArray()))
                .update();
    }

    void insertHold(UUID holdId, HoldRequest request, Instant expiresAt) {
        jdbc.sql("""
                        insert into hold (id, centre_id, subject, channel, birth_dates, postal_codes, expires_at)
                        values (:id, :centre, :subject, :channel, :births, :postalCodes, :expires)
                        """)
                .param("id", holdId)
                .param("centre", request.centreId())
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
                .param("expires", utc(expiresAt))
                .update();
    }

    Optional<Hold> findHold(UUID holdId) {
        return jdbc.sql("select id, centre_id, subject, expires_at, birth_dates, postal_codes from hold where id = ?")
                .param(holdId)
                .query((rs, n) -> new Hold(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        applicants(rs.getArray(5), rs.getArray(6)),
                        List.of()))
                .optional()
                .map(hold -> new Hold(
                        hold.id(),
                        hold.centreId(),
                        hold.subject(),
                        hold.expiresAt(),
                        hold.applicants(),
                        seriesOfHold(hold.centreId(), holdId)));
    }

    private List<Series> seriesOfHold(String centreId, UUID holdId) {
        return jdbc.sql("select " + SERIES_COLUMNS + """
                        from appointment_pair p join release r on r.id = p.release_id
                        where p.centre_id = ? and p.hold_id = ? and p.booking_id is null
                        order by p.first_starts_at, p.id
                        """)
                .params(centreId, holdId)
                .query(PairRepository::series)
                .list();
    }

    /**
     * Gives the hold's pairs to the booking, in time order to persons 0, 1, …; only while the hold is live. Under
     * READ COMMITTED a concurrent re-claim of an expired hold makes this update see the new hold id and skip the row.
     */
    int assign(UUID holdId, long bookingId, Instant now) {
        return jdbc.sql("""
                        update appointment_pair p set booking_id = :booking, person_position = o.position
                        from (select id, centre_id, row_number() over (order by first_starts_at, id) - 1 as position
                              from appointment_pair where hold_id = :hold) o
                        where p.centre_id = o.centre_id and p.id = o.id and p.hold_id = :hold
                          and p.booking_id is null and p.hold_expires_at > :now
                        """)
                .param("booking", bookingId)
                .param("hold", holdId)
                .param("now", utc(now))
                .update();
    }

    void deleteHold(UUID holdId) {
        jdbc.sql("delete from hold where id = ?").param(holdId).update();
    }

    void free(String centreId, long bookingId) {
        jdbc.sql("""
                        update appointment_pair
                        set booking_id = null, hold_id = null, hold_expires_at = null, person_position = null
                        where centre_id = ? and booking_id = ?
                        """).params(centreId, bookingId).update();
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
        OffsetDateTime second = rs.getObject(6, OffsetDateTime.class);
        return new Series(
                rs.getLong(1),
                rs.getString(2),
                Vaccine.fromJson(rs.getString(3)),
                Channel.valueOf(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                second == null ? null : second.toInstant(),
                new EligibilityRule(
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), Arrays.asList((String[])
                                rs.getArray(9).getArray())));
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

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
