package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTests {

    @Test
    void aPoolTimeoutIsTheDatabaseBeingUnavailable() {
        SQLTransientConnectionException timeout =
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");

        assertThat(DatabaseUnavailable.causes(new CannotGetJdbcConnectionException("no connection", timeout)))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new CannotCreateTransactionException("no connection", timeout)))
                .isTrue();
    }

    @Test
    void aLostConnectionOrAServerShuttingDownIsTheDatabaseBeingUnavailable() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P02", "57P03", "53300", "25006"}) {
            SQLException lost = new SQLException("I/O error", state);
            assertThat(DatabaseUnavailable.causes(new DataAccessResourceFailureException("failed", lost)))
                    .as(state)
                    .isTrue();
        }
    }

    @Test
    void aRollbackThatFailedOnAClosedConnectionIsJudgedByWhatFailedFirst() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(
                new DataAccessResourceFailureException("I/O error", new SQLException("I/O error", "08006")));

        assertThat(DatabaseUnavailable.causes(rollback)).isTrue();
        assertThat(DatabaseUnavailable.causes(
                        new TransactionSystemException("JDBC rollback failed", new SQLException("closed"))))
                .isFalse();
    }

    @Test
    void aFailureOfOneRequestIsNot() {
        assertThat(DatabaseUnavailable.causes(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("out of range", "22003")))
                .isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void isRefusedWithServiceUnavailableAndWhenToComeBack() {
        Refusal refusal = DatabaseUnavailable.refusalFor(new CannotCreateTransactionException(
                        "no connection", new SQLTransientConnectionException("timed out")))
                .orElseThrow();

        assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refusal.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refusal.retryAfter()).isEqualTo(DatabaseUnavailable.RETRY_AFTER);
    }
}
