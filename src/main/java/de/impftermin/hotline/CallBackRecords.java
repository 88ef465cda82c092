package de.impftermin.hotline;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.shared.BerlinTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-back requests after they were closed: the retention job deletes them with their attempts a while after, and a
 * citizen who erases the booking an agent made during the call deletes the request with it. The measured call-backs
 * per hour read only the last hour's attempts, so deleting old ones changes no estimate.
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

    /** The requests whose call ended with this booking. */
    @Transactional(readOnly = true)
    public List<StoredCallBack> bookedAs(String bookingCode) {
        return jdbc.sql("""
                        select id, phone, postal_code, persons, status, attempts, outcome, created_at, closed_at
                        from call_back where booking_code = ? order by created_at
                        """)
                .param(bookingCode)
                .query((rs, n) -> new StoredCallBack(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        BerlinTime.show(rs.getObject(8, OffsetDateTime.class).toInstant()),
                        shownOrNull(rs.getObject(9, OffsetDateTime.class))))
                .list();
    }

    /** Deletes the closed requests (and their attempts) whose call ended with this booking. In the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetBookedAs(String bookingCode) {
        return jdbc.sql("""
                        with gone as (select id from call_back where booking_code = ? and status = 'DONE' for update),
                             attempts as (delete from call_back_attempt where call_back_id in (select id from gone))
                        delete from call_back where id in (select id from gone)
                        """).param(bookingCode).update();
    }

    private static @Nullable OffsetDateTime shownOrNull(@Nullable OffsetDateTime at) {
        return at == null ? null : BerlinTime.show(at.toInstant());
    }
}
