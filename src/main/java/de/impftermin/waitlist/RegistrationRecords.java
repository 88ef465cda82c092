package de.impftermin.waitlist;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations after they ended (booked, withdrawn, ended after missed offers): the retention job deletes them and
 * their offers a while after. A registration that still waits is kept: it is doing its job.
 */
@Service
public class RegistrationRecords {

    private final JdbcClient jdbc;

    RegistrationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes up to {@code batch} registrations that ended before {@code cutoff}, with their offers, claimed with
     * {@code SKIP LOCKED}; returns how many registrations. One batch, one transaction.
     */
    @Transactional
    public int purgeClosedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        with due as (select id from waitlist_registration where closed_at < ?
                                     order by closed_at limit ? for update skip locked),
                             offers as (delete from waitlist_offer where registration_id in (select id from due))
                        delete from waitlist_registration where id in (select id from due)
                        """).params(utc(cutoff), batch).update();
    }
}
