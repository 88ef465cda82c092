package de.impftermin.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log of staff actions and staff reads of personal data. An entry is written in the transaction
 * of the action it records ({@link Propagation#MANDATORY}): a rolled-back action leaves no entry, and an action whose
 * entry cannot be written does not happen. The table refuses UPDATE, DELETE and TRUNCATE by trigger.
 *
 * <p>Actions are UPPER_SNAKE names chosen by the module that acts ({@code BOOKING_CANCELLED}, {@code SIGN_IN_FAILED},
 * {@code PERSONAL_DATA_READ} …); the subject names what was acted on (a booking code, a username, a centre day).
 * Entries leave the log only through {@link #purgeBefore}, after their legal period.
 */
@Service
public class AuditLog {

    /** One entry as the state office reads it. */
    public record Entry(
            OffsetDateTime at,
            String actor,
            String action,
            String subject,
            String detail,
            @Nullable String client) {}

    /**
     * Filters of the audit query; each one may be absent. {@code from} is inclusive, {@code to} exclusive; the newest
     * {@code offset} entries that match are skipped (for pages).
     */
    public record Query(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String subject,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            int limit,
            int offset) {

        public Query(
                @Nullable String actor,
                @Nullable String action,
                @Nullable OffsetDateTime from,
                @Nullable OffsetDateTime to,
                int limit) {
            this(actor, action, null, from, to, limit, 0);
        }
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action of the signed-in staff member, from the address of the current request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subject, String detail) {
        record(currentActor(), action, subject, detail, currentClientAddress());
    }

    /** Records an action of a named actor, for events that happen before anyone is signed in (a failed sign-in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, String detail, @Nullable String clientAddress) {
        jdbc.sql("""
                        insert into audit_event (actor, action, subject, detail, client_address)
                        values (:actor, :action, :subject, :detail, :client)
                        """)
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("detail", detail)
                .param("client", clientAddress)
                .update();
    }

    /**
     * Deletes up to {@code batch} entries written before {@code cutoff}, but never one younger than the legal minimum
     * that the database holds (one year; a later cut-off is moved back to it); returns how many. The only way an
     * entry leaves the table: the append-only trigger lets through exactly the deletes of the database function
     * {@code audit_event_purge}, and only of entries past the minimum. One batch, one transaction.
     */
    @Transactional
    public int purgeBefore(Instant cutoff, int batch) {
        return jdbc.sql("select audit_event_purge(?, ?)")
                .params(SqlTimes.utc(cutoff), batch)
                .query(Integer.class)
                .single();
    }

    /** Entries newest first, at most {@code query.limit()}. */
    @Transactional(readOnly = true)
    public List<Entry> find(Query query) {
        return jdbc.sql("""
                        select at, actor, action, subject, detail, client_address from audit_event
                        where (cast(:actor as text) is null or actor = :actor)
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:subject as text) is null or subject = :subject)
                          and (cast(:from as timestamptz) is null or at >= :from)
                          and (cast(:to as timestamptz) is null or at < :to)
                        order by at desc, id desc limit :limit offset :offset
                        """)
                .param("actor", query.actor())
                .param("action", query.action())
                .param("from", query.from())
                .param("to", query.to())
                .param("subject", query.subject())
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> new Entry(
                        rs.getObject(1, OffsetDateTime.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** The signed-in staff member's name, or {@code anonymous} outside a staff request. */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    /** The client address of the current HTTP request, if there is one. */
    public static @Nullable String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
