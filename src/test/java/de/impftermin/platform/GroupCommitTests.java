package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

class GroupCommitTests {

    /** A database that is down: no transaction can begin. The first attempt fails only when the test says so. */
    static final class DatabaseDown implements PlatformTransactionManager {

        final AtomicInteger attempts = new AtomicInteger();
        final CountDownLatch firstAttempt = new CountDownLatch(1);
        final CountDownLatch failFirst = new CountDownLatch(1);

        @Override
        public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
            if (attempts.incrementAndGet() == 1) {
                firstAttempt.countDown();
                try {
                    failFirst.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("Connection is not available, request timed out"));
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }

    @Test
    void failsAWholeBatchAtOnceWhenTheDatabaseIsUnavailable() throws Exception {
        DatabaseDown database = new DatabaseDown();
        try (GroupCommit commits = new GroupCommit("test", database, new SimpleMeterRegistry(), 64);
                ExecutorService citizens = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Throwable>> requests = new ArrayList<>();
            requests.add(request(commits, citizens));
            database.firstAttempt.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 4; i++) {
                requests.add(request(commits, citizens));
            }
            while (commits.queued() < 4) {
                Thread.onSpinWait();
            }
            database.failFirst.countDown();

            assertThat(requests)
                    .allSatisfy(
                            request -> assertThat(request.join()).isInstanceOf(CannotCreateTransactionException.class));
            assertThat(database.attempts)
                    .as("transactions begun: one for the first unit, one for the four queued behind it, none per unit")
                    .hasValue(2);
        }
    }

    private static CompletableFuture<Throwable> request(GroupCommit commits, ExecutorService citizens) {
        return CompletableFuture.supplyAsync(() -> catchThrowable(() -> commits.run(() -> "done")), citizens);
    }
}
