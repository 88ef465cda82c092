package de.impftermin.operations;

import de.impftermin.shared.StatedReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DayCancellationRepository {

    private final JdbcClient jdbc;

    DayCancellationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String centreId, LocalDate day, StatedReason reason, String staff) {
        jdbc.sql("""
                        insert into day_cancellation (id, centre_id, day, reason, reason_en, status, started_by)
                        values (?, ?, ?, ?, ?, 'RUNNING', ?)
                        """)
                .params(id, centreId, day, reason.german(), reason.english(), staff)
                .update();
    }

    /** Adds the bookings not yet part of the job; a booking is an item once, whatever runs it again. */
    void addItems(UUID job, List<BookingOfDay> bookings) {
        for (BookingOfDay b : bookings) {
            jdbc.sql("""
                            insert into day_cancellation_item (job_id, booking_code, persons) values (?, ?, ?)
                            on conflict do nothing
                            """).params(job, b.code(), b.persons()).update();
        }
    }

    record BookingOfDay(String code, int persons, boolean firstDoseThatDay) {}

    record Claimed(String code, int persons, String staff, String centreId, LocalDate day, StatedReason reason) {}

    /** The next open item, locked for this transaction; another runner skips it. */
    Optional<Claimed> claimNext(UUID job) {
        return jdbc.sql("""
                        select i.booking_code, i.persons, j.started_by, j.centre_id, j.day, j.reason, j.reason_en
                        from day_cancellation_item i join day_cancellation j on j.id = i.job_id
                        where i.job_id = ? and i.outcome is null
                        order by i.booking_code limit 1
                        for update of i skip locked
                        """)
                .param(job)
                .query((rs, n) -> new Claimed(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        new StatedReason(rs.getString(6), rs.getString(7))))
                .optional();
    }

    void done(UUID job, String code, String outcome, @Nullable String newCode, int notified) {
        jdbc.sql("""
                        update day_cancellation_item set outcome = ?, new_code = ?, done_at = now()
                        where job_id = ? and booking_code = ? and outcome is null
                        """).params(outcome, newCode, job, code).update();
        jdbc.sql("""
                        update day_cancellation set moved = moved + ?, cancelled = cancelled + ?, notified = notified + ?
                        where id = ?
                        """)
                .params(outcome.equals("MOVED") ? 1 : 0, outcome.equals("CANCELLED") ? 1 : 0, notified, job)
                .update();
    }

    boolean hasOpenItems(UUID job) {
        return jdbc.sql("select exists (select 1 from day_cancellation_item where job_id = ? and outcome is null)")
                .param(job)
                .query(Boolean.class)
                .single();
    }

    void finish(UUID job) {
        jdbc.sql("update day_cancellation set status = 'DONE', finished_at = now() where id = ? and status = 'RUNNING'")
                .param(job)
                .update();
    }

    Optional<DayCancellationJob> find(UUID job) {
        return jdbc.sql("""
                        select id, centre_id, day, status, moved, cancelled, notified from day_cancellation where id = ?
                        """)
                .param(job)
                .query((rs, n) -> new DayCancellationJob(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        DayCancellationJob.Status.valueOf(rs.getString(4)),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7)))
                .optional();
    }

    List<UUID> running() {
        return jdbc.sql("select id from day_cancellation where status = 'RUNNING' order by started_at")
                .query(UUID.class)
                .list();
    }
}
