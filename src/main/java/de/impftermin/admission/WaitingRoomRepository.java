package de.impftermin.admission;

import de.impftermin.admission.domain.QueueState;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            "name, rate_per_second, issued, served, advanced_at, opens_at, prequeue_start, prequeue_size, seed";

    private final JdbcClient jdbc;

    WaitingRoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    QueueState ensure(String name, double rate, Instant now) {
        jdbc.sql("""
                        insert into waiting_queue (name, rate_per_second, served, advanced_at) values (?, ?, greatest(1, ?), ?)
                        on conflict (name) do nothing
                        """).params(name, rate, rate, utc(now)).update();
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
     * Moves the serving counter on by the rate times the time since the last step, at most once per
     * {@code minStepMillis} over all instances. Before the opening instant it serves only the tickets ahead of the
     * pre-queue; afterwards it serves up to everyone plus one second's worth, so that without a rush a new ticket is
     * admitted at once. While {@code paused} (nothing left to book for those waiting) it stands still.
     */
    Optional<QueueState> advance(String name, Instant now, boolean paused, long minStepMillis) {
        return jdbc.sql("""
                        update waiting_queue set
                          served = case
                            when :paused then served
                            when opens_at is not null and :now < opens_at then greatest(served, least(
                              served + rate_per_second * extract(epoch from (:now - advanced_at)),
                              prequeue_start::float8))
                            else greatest(served, least(
                              served + rate_per_second * greatest(0, extract(epoch from
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

    void setRate(String name, double rate) {
        jdbc.sql("update waiting_queue set rate_per_second = ? where name = ?")
                .params(rate, name)
                .update();
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
                rs.getLong(3),
                rs.getDouble(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                instant(rs.getObject(6, OffsetDateTime.class)),
                rs.getLong(7),
                rs.getObject(8, Long.class),
                rs.getObject(9, Long.class));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
