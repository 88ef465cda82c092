package de.impftermin.operations;

import de.impftermin.platform.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened on the centres' days, for the state office: per centre, the appointments marked vaccinated and
 * no-show (and those checked in but not yet marked) in a time window, by when they were marked. One aggregate over
 * the marks, which exist only for appointments staff have touched; the booking path never reads them.
 */
@Service
public class VisitStatistics {

    /** The marks of one centre; {@code noShowPercent} is no-shows among vaccinated and no-shows, 0 when none. */
    public record CentreVisits(String centreId, long vaccinated, long noShows, long checkedIn) {

        public int noShowPercent() {
            long decided = vaccinated + noShows;
            return decided == 0 ? 0 : (int) Math.round(100.0 * noShows / decided);
        }
    }

    private final JdbcClient jdbc;

    VisitStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per centre with at least one mark in {@code [from, to)}, by centre id. */
    @Transactional(readOnly = true)
    public List<CentreVisits> perCentre(Instant from, Instant to) {
        return jdbc.sql("""
                        select centre_id,
                               count(*) filter (where status = 'VACCINATED'),
                               count(*) filter (where status = 'NO_SHOW'),
                               count(*) filter (where status = 'CHECKED_IN')
                        from appointment_visit
                        where changed_at >= :from and changed_at < :to
                        group by centre_id
                        order by centre_id
                        """)
                .param("from", SqlTimes.utc(from))
                .param("to", SqlTimes.utc(to))
                .query((rs, n) -> new CentreVisits(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Doses given per centre since the start: every appointment marked vaccinated, by centre id. */
    @Transactional(readOnly = true)
    public Map<String, Long> dosesAdministered() {
        Map<String, Long> given = new TreeMap<>();
        jdbc.sql("""
                        select centre_id, count(*) from appointment_visit where status = 'VACCINATED'
                        group by centre_id
                        """)
                .query((rs, n) -> given.put(rs.getString(1), rs.getLong(2)))
                .list();
        return given;
    }
}
