package de.impftermin.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database as a whole (no connection within the pool's timeout, the connection lost, the
 * server shutting down or still starting, a write sent to a server that is a standby now) from a failure of one
 * request. During a failover every request fails like this for a few seconds; it is answered {@code 503} with
 * {@code Retry-After}, like an overload, and never {@code 500}: the client should simply come back. A confirmation
 * sent again with its {@code Idempotency-Key} is never booked twice, even if the lost connection had committed it.
 */
public final class DatabaseUnavailable {

    /** What the client is told to wait: a failover by Patroni takes a few seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Besides SQLSTATE class 08; see {@link #unavailable}. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006");

    private DatabaseUnavailable() {}

    /** Whether {@code failure}, or anything that caused it, says the database itself could not be used. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            // A rollback on a connection the pool has already closed ("JDBC rollback failed") hides what failed first.
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && causes(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** The refusal to answer with, if {@code failure} is the database being unavailable. */
    public static Optional<Refusal> refusalFor(Throwable failure) {
        return causes(failure) ? Optional.of(refusal()) : Optional.empty();
    }

    static Refusal refusal() {
        return new Refusal(
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_UNAVAILABLE",
                "The database cannot be reached for a moment (it may be switching to its standby). Please try again in "
                        + RETRY_AFTER.toSeconds()
                        + " seconds; a confirmation sent again with the same Idempotency-Key is never booked twice.",
                RETRY_AFTER);
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot connect now), 53300 (too
     * many connections) and 25006 (a write on a read-only server: the primary moved, and this connection still points
     * at the demoted one).
     */
    private static boolean unavailable(@Nullable String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }
}
