package de.impftermin.hotline;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-back requests after they were closed: the retention job deletes them with their attempts a while after. The
 * measured call-backs per hour read only the last hour's attempts, so deleting old ones changes no estimate.
 */
@Service
public class CallBackRecords {

    private final JdbcClient jdbc;

    CallBackRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes up to {@code batch} requests closed before {@code cutoff}, with their attempts, claimed with
     * {@code SKIP LOCKED}; returns how many requests. One batch, one transaction.
     */
    @Transactional
    public int purgeClosedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        with due as (select id from call_back where status = 'DONE' and closed_at < ?
                                     order by closed_at limit ? for update skip locked),
                             attempts as (delete from call_back_attempt where call_back_id in (select id from due))
                        delete from call_back where id in (select id from due)
                        """).params(utc(cutoff), batch).update();
    }
}
