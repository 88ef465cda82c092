package de.impftermin.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Series (appointment pairs) counted for the state office: free, held and booked per centre, for 1st doses from a day
 * on. One aggregate that reads committed rows without locking them ({@code FOR UPDATE SKIP LOCKED} claims never wait
 * on it, and it never waits on them).
 */
@Service
public class SeriesStatistics {

    /**
     * One centre's series with a 1st dose on or after the day asked for.
     *
     * @param free neither booked nor under a live hold
     * @param held under a hold that has not expired
     * @param booked confirmed
     */
    public record CentreSeries(String centreId, long free, long held, long booked) {
        public long total() {
            return free + held + booked;
        }
    }

    private final JdbcClient jdbc;

    SeriesStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every centre with series from {@code from} on, by centre id. */
    @Transactional(readOnly = true)
    public List<CentreSeries> perCentre(LocalDate from) {
        return jdbc.sql("""
                        select centre_id,
                               count(*) filter (where booking_id is null
                                   and (hold_expires_at is null or hold_expires_at <= now())) as free,
                               count(*) filter (where booking_id is null and hold_expires_at > now()) as held,
                               count(*) filter (where booking_id is not null) as booked
                        from appointment_pair where first_day >= :from
                        group by centre_id order by centre_id
                        """)
                .param("from", from)
                .query((rs, n) -> new CentreSeries(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * Doses released per centre: the doses of every release (scheduled or open) less those given back (a missed 1st
     * dose's 2nd dose), the debit side of the dose ledger. One aggregate over the releases, by centre id.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> dosesReleased() {
        Map<String, Long> released = new TreeMap<>();
        jdbc.sql("""
                        select centre_id, sum(series * doses_per_series - doses_returned)
                        from release group by centre_id
                        """)
                .query((rs, n) -> released.put(rs.getString(1), rs.getLong(2)))
                .list();
        return released;
    }
}
