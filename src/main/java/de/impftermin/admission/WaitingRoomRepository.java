package de.impftermin.admission;

import de.impftermin.admission.domain.AdmissionRate;
import de.impftermin.admission.domain.QueueState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue row. Every change is one guarded statement, so any number of instances may run them at once: the row lock
 * orders them and the {@code where} clause, re-checked after the lock, lets only one of them do each step.
 */
@Repository
class WaitingRoomRepository {

    private static final String COLUMNS =
            "name, rate_per_second, admitting_rate, adaptive, adaptive and decreased_at is null, issued, served, advanced_at,"
                    + " opens_at, prequeue_start, prequeue_size, seed";

    private final JdbcClient jdbc;

    WaitingRoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the queue unless it exists; an existing queue keeps its rates and whether it adapts. */
    QueueState ensure(String name, AdmissionRate rate, boolean adaptive, Instant now) {
        jdbc.sql("""
                        insert into waiting_queue (name, rate_per_second, admitting_rate, adaptive, served, advanced_at)
                        values (?, ?, ?, ?, greatest(1, ?), ?)
                        on conflict (name) do nothing
                        """)
                .params(name, rate.ceiling(), rate.inEffect(), adaptive, rate.ceiling(), utc(now))
                .update();
        return load(name);
    }

    QueueState load(String name) {
        return jdbc.sql("select " + COLUMNS + " from waiting_queue where name = ?")
                .param(name)
                .query(WaitingRoomRepository::state)
                .single();
    }

    /** Reserves {@code count} numbers; the first one is {@code issued - count} of the returned state. */
    QueueState reserve(String name, int count) {
        return jdbc.sql("update waiting_queue set issued = issued + ? where name = ? returning " + COLUMNS)
                .params(count, name)
                .query(WaitingRoomRepository::state)
                .single();
    }

    /** Draws the pre-queue's order at its opening instant; only the first instance to get here does it. */
    void shuffle(String name, Instant now, long seed) {
        jdbc.sql("""
                        update waiting_queue set seed = ?, prequeue_size = issued - prequeue_start
                        where name = ? and opens_at <= ? and seed is null
                        """).params(seed, name, utc(now)).update();
    }

    /**
     * Moves the serving counter on by the rate in effect times the time since the last step, at most once per
     * {@code minStepMillis} over all instances. Before the opening instant it serves only the tickets ahead of the
     * pre-queue; afterwards it serves up to everyone plus one second's worth at the ceiling, so that without a rush a
     * new ticket is admitted at once even while the rate in effect is low. While {@code paused} (nothing left to book
     * for those waiting) it stands still.
     */
    Optional<QueueState> advance(String name, Instant now, boolean paused, long minStepMillis) {
        return jdbc.sql("""
                        update waiting_queue set
                          served = case
                            when :paused then served
                            when opens_at is not null and :now < opens_at then greatest(served, least(
                              served + admitting_rate * extract(epoch from (:now - advanced_at)),
                              prequeue_start::float8))
                            else greatest(served, least(
                              served + admitting_rate * greatest(0, extract(epoch from
                                (:now - greatest(advanced_at, coalesce(opens_at, advanced_at))))),
                              issued + greatest(1, rate_per_second)))
                          end,
                          advanced_at = :now
                        where name = :name and advanced_at <= :now - make_interval(secs => :step)
                        returning\s""" + COLUMNS)
                .param("paused", paused)
                .param("now", utc(now))
                .param("name", name)
                .param("step", minStepMillis / 1000.0)
                .query(WaitingRoomRepository::state)
                .optional();
    }

    /** Sets the operator's ceiling and starts the rate in effect over; the next increase waits one interval. */
    void configure(String name, AdmissionRate rate, boolean adaptive, Instant now) {
        jdbc.sql("""
                        update waiting_queue
                        set rate_per_second = ?, admitting_rate = ?, adaptive = ?, adapted_at = ?, decreased_at = null
                        where name = ?
                        """)
                .params(rate.ceiling(), rate.inEffect(), adaptive, utc(now), name)
                .update();
    }

    /**
     * Lowers the rate in effect from {@code from} (the rate the decision was made on) to {@code to}, unless another
     * instance changed it meanwhile or decreased it less than {@code spacing} ago. Increases elsewhere do not hold a
     * decrease back.
     *
     * @return whether this call changed the rate
     */
    boolean decrease(String name, double from, double to, Instant now, Duration spacing) {
        return change(name, from, to, now, spacing, "decreased_at", ", decreased_at = :now");
    }

    /** Ends the slow start of an adaptive queue (as a decrease does) without changing its rate. */
    void endSlowStart(String name, Instant now) {
        jdbc.sql("update waiting_queue set decreased_at = ? where name = ? and adaptive and decreased_at is null")
                .params(utc(now), name)
                .update();
    }

    /**
     * Raises the rate in effect from {@code from} to {@code to} (never above the ceiling), unless another instance
     * changed it meanwhile or any change happened less than {@code spacing} ago.
     *
     * @return whether this call changed the rate
     */
    boolean increase(String name, double from, double to, Instant now, Duration spacing) {
        return change(name, from, to, now, spacing, "adapted_at", "");
    }

    /** One guarded change of the rate in effect, spaced by {@code spacedBy} (a column name, never user input). */
    private boolean change(
            String name, double from, double to, Instant now, Duration spacing, String spacedBy, String alsoSet) {
        return jdbc.sql("update waiting_queue set admitting_rate = least(:to, rate_per_second), adapted_at = :now"
                                + alsoSet
                                + " where name = :name and adaptive and admitting_rate = :from and (" + spacedBy
                                + " is null or " + spacedBy + " <= :now - make_interval(secs => :spacing))")
                        .param("to", to)
                        .param("now", utc(now))
                        .param("name", name)
                        .param("from", from)
                        .param("spacing", spacing.toNanos() / 1e9)
                        .update()
                == 1;
    }

    /**
     * Adds this instance's booking-path requests since its last call to the count of all instances.
     *
     * @return the count of all instances so far
     */
    long addBookingRequests(String name, long requests) {
        return jdbc.sql("update waiting_queue set booking_requests = booking_requests + ? where name = ?"
                        + " returning booking_requests")
                .params(requests, name)
                .query(Long.class)
                .single();
    }

    /** Opens a new pre-queue: tickets from now until {@code opensAt} are shuffled at that instant. */
    void openPrequeue(String name, Instant opensAt) {
        jdbc.sql("""
                        update waiting_queue
                        set opens_at = ?, prequeue_start = issued, prequeue_size = null, seed = null,
                            served = least(served, issued::float8)
                        where name = ?
                        """).params(utc(opensAt), name).update();
    }

    private static QueueState state(ResultSet rs, int row) throws SQLException {
        return new QueueState(
                rs.getString(1),
                rs.getDouble(2),
                rs.getDouble(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                rs.getLong(6),
                rs.getDouble(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(),
                instant(rs.getObject(9, OffsetDateTime.class)),
                rs.getLong(10),
                rs.getObject(11, Long.class),
                rs.getObject(12, Long.class));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
