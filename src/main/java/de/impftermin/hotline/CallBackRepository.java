package de.impftermin.hotline;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.hotline.domain.CallBack;
import de.impftermin.shared.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the call-back queue. */
@Repository
class CallBackRepository {

    /** A stored request with what the aggregate does not need: its language and when it was made. */
    record Stored(CallBack callBack, Language language, Instant createdAt) {}

    private static final String COLUMNS = """
            id, phone, postal_code, persons, status, attempts, due_at, agent, lease_expires_at, outcome,
            booking_code, version, language, created_at
            """;

    private final JdbcClient jdbc;

    CallBackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> openOf(String phone) {
        return jdbc.sql("select " + COLUMNS + " from call_back where phone = ? and status <> 'DONE'")
                .param(phone)
                .query(CallBackRepository::stored)
                .optional();
    }

    Optional<Stored> latestOf(String phone) {
        return jdbc.sql("select " + COLUMNS + " from call_back where phone = ? order by created_at desc, id limit 1")
                .param(phone)
                .query(CallBackRepository::stored)
                .optional();
    }

    /** Inserts the request unless the phone has an open one (the partial unique index decides, also in a race). */
    boolean insertIfNoneOpen(CallBack callBack, Language language, String client, Instant now) {
        return jdbc.sql("""
                        insert into call_back (id, phone, postal_code, persons, language, client, status, due_at,
                                               created_at)
                        values (:id, :phone, :postalCode, :persons, :language, :client, 'QUEUED', :now, :now)
                        on conflict (phone) where status <> 'DONE' do nothing
                        """)
                        .param("id", callBack.id())
                        .param("phone", callBack.phone())
                        .param("postalCode", callBack.postalCode())
                        .param("persons", callBack.persons())
                        .param("language", language.code())
                        .param("client", client)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    long madeFor(String phone, Instant since) {
        return jdbc.sql("select count(*) from call_back where phone = ? and created_at > ?")
                .params(phone, utc(since))
                .query(Long.class)
                .single();
    }

    long madeBy(String client, Instant since) {
        return jdbc.sql("select count(*) from call_back where client = ? and created_at > ?")
                .params(client, utc(since))
                .query(Long.class)
                .single();
    }

    /**
     * Locks the oldest due request no other agent is taking right now: a waiting one that is due, or one whose
     * agent's lease has ended. Rows another transaction has locked are skipped, never waited for.
     */
    Optional<Stored> claimNext(Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                         from call_back
                        where status <> 'DONE'
                          and ((status = 'QUEUED' and due_at <= :now) or (status = 'CALLING' and lease_expires_at <= :now))
                        order by due_at, created_at, id
                        limit 1
                        for update skip locked
                        """)
                .param("now", utc(now))
                .query(CallBackRepository::stored)
                .optional();
    }

    Optional<Stored> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from call_back where id = ? for update")
                .param(id)
                .query(CallBackRepository::stored)
                .optional();
    }

    /** Writes the aggregate's new state if nobody changed it since it was read (version check). */
    boolean save(CallBack next, Instant now) {
        return jdbc.sql("""
                        update call_back set status = :status, attempts = :attempts, due_at = :due, agent = :agent,
                               lease_expires_at = :lease, outcome = :outcome, booking_code = :code,
                               closed_at = case when :status = 'DONE' then :now end, version = version + 1
                        where id = :id and version = :version
                        """)
                        .param("status", next.status().name())
                        .param("attempts", next.attempts())
                        .param("due", utc(next.dueAt()))
                        .param("agent", next.agent())
                        .param("lease", next.leaseExpiresAt() == null ? null : utc(next.leaseExpiresAt()))
                        .param(
                                "outcome",
                                next.outcome() == null ? null : next.outcome().name())
                        .param("code", next.bookingCode())
                        .param("now", utc(now))
                        .param("id", next.id())
                        .param("version", next.version())
                        .update()
                == 1;
    }

    /** Records a take; an earlier take whose lease ended unresolved is marked so. */
    void startAttempt(UUID id, String agent, Instant now) {
        jdbc.sql("""
                        update call_back_attempt set outcome = 'LEASE_ENDED'
                        where call_back_id = ? and resolved_at is null and outcome is null
                        """).param(id).update();
        jdbc.sql("insert into call_back_attempt (call_back_id, agent, taken_at) values (?, ?, ?)")
                .params(id, agent, utc(now))
                .update();
    }

    void resolveAttempt(UUID id, String outcome, Instant now) {
        jdbc.sql("""
                        update call_back_attempt set outcome = ?, resolved_at = ?
                        where call_back_id = ? and resolved_at is null and outcome is null
                        """).params(outcome, utc(now), id).update();
    }

    /** Waiting requests due before this one (by due time, then age), this one included. */
    int position(Stored stored) {
        return jdbc.sql("""
                        select count(*) + 1 from call_back
                        where status = 'QUEUED' and (due_at, created_at, id) < (:due, :created, :id)
                        """)
                .param("due", utc(stored.callBack().dueAt()))
                .param("created", utc(stored.createdAt()))
                .param("id", stored.callBack().id())
                .query(Integer.class)
                .single();
    }

    int completedSince(Instant since) {
        return jdbc.sql("select count(*) from call_back_attempt where resolved_at > ?")
                .param(utc(since))
                .query(Integer.class)
                .single();
    }

    record Counts(int waiting, int calling, Duration oldestWait, int taken, int completed) {}

    Counts counts(Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        return jdbc.sql("""
                        select (select count(*) from call_back where status = 'QUEUED'),
                               (select count(*) from call_back where status = 'CALLING'),
                               (select min(created_at) from call_back where status <> 'DONE'),
                               (select count(*) from call_back_attempt where taken_at > :since),
                               (select count(*) from call_back_attempt where resolved_at > :since)
                        """)
                .param("since", utc(hourAgo))
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
                    Duration wait = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    return new Counts(
                            rs.getInt(1),
                            rs.getInt(2),
                            wait.isNegative() ? Duration.ZERO : wait,
                            rs.getInt(4),
                            rs.getInt(5));
                })
                .single();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        CallBack callBack = new CallBack(
                rs.getObject("id", UUID.class),
                rs.getString("phone"),
                rs.getString("postal_code"),
                rs.getInt("persons"),
                CallBack.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs.getObject("due_at", OffsetDateTime.class)),
                rs.getString("agent"),
                nullableInstant(rs.getObject("lease_expires_at", OffsetDateTime.class)),
                outcome == null ? null : CallBackOutcome.valueOf(outcome),
                rs.getString("booking_code"),
                rs.getInt("version"));
        return new Stored(
                callBack,
                Language.fromJson(rs.getString("language")),
                instant(rs.getObject("created_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
