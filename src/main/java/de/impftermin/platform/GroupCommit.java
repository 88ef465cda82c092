package de.impftermin.platform;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: the units of work of all requests waiting at a moment run one after the other in one transaction on
 * one connection, and each request is answered only after that transaction committed. At the rush this saves a commit,
 * a connection checkout and a transaction's round trips per request, and a waiting request holds no connection.
 *
 * <p>A unit that refuses before it wrote anything says so with {@link Unwritten}, and the batch goes on. A unit that
 * throws anything else (a refusal after it wrote, a unique violation, a deadlock, a lost connection) rolls the whole
 * batch back; then every unit of that batch runs again in a transaction of its own, so that one failure fails only
 * its own request; but when the database itself is unavailable ({@link DatabaseUnavailable}) the whole batch fails at
 * once. Units should therefore check what they can before they are submitted, and write only what rarely fails. Later units of a batch see what earlier ones wrote, as any statement sees its own transaction's writes.
 * Each instance batches its own requests; instances write side by side as before.
 *
 * <p>Metrics, tagged with the {@code name}: {@code impftermin.group-commit.size} (units per transaction) and
 * {@code impftermin.group-commit.queued} (units waiting for the next one).
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T>(Supplier<T> unit, CompletableFuture<T> result) {}

    /**
     * Thrown by a unit that refuses before it wrote anything or touched the transaction's state otherwise (a
     * {@link Refusal} decided on what it read): the batch goes on, and the request gets the refusal. Any other
     * exception rolls the batch back.
     */
    public static final class Unwritten extends RuntimeException {

        private final Refusal refusal;

        public Unwritten(Refusal refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final String name;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final DistributionSummary sizes;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    public GroupCommit(String name, PlatformTransactionManager transactionManager, MeterRegistry meters, int maxBatch) {
        this.name = name;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxBatch = maxBatch;
        this.sizes = DistributionSummary.builder("impftermin.group-commit.size")
                .description("Units of work committed in one transaction")
                .tag("name", name)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("impftermin.group-commit.queued", queue, BlockingQueue::size)
                .description("Units of work waiting for the next transaction")
                .tag("name", name)
                .register(meters);
        this.worker = Thread.ofVirtual().name("group-commit-" + name).start(this::work);
    }

    /**
     * Runs {@code unit} in the next batch's transaction and returns its result once that transaction has committed.
     * Called in a transaction already (the hotline's one-step booking, say), the unit runs in that one: it belongs to
     * the caller's unit of work, which commits or rolls back as a whole.
     *
     * @throws RuntimeException what the unit threw when it ran in a transaction of its own ({@link Unwritten}: its
     *     refusal)
     */
    public <T> T run(Supplier<T> unit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                return unit.get();
            } catch (Unwritten refused) {
                throw refused.refusal;
            }
        }
        Pending<T> pending = new Pending<>(unit, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + name + " transaction", e);
        }
    }

    /** Units waiting for the next transaction. */
    public int queued() {
        return queue.size();
    }

    private void work() {
        List<Pending<?>> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            sizes.record(batch.size());
            try {
                commit(batch);
            } catch (RuntimeException | Error e) {
                log.error("{} batch of {} failed outside any unit", name, batch.size(), e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
            batch.clear();
        }
        for (Pending<?> left; (left = queue.poll()) != null; ) {
            left.result().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }

    private void commit(List<Pending<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try {
            transactions.executeWithoutResult(status -> batch.forEach(pending -> answers.add(attempt(pending))));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || DatabaseUnavailable.causes(e)) {
                // Without a database every unit would fail again on its own, each after the pool's connection timeout
                // (5 s): a batch of 20 would keep its requests, and every one queued behind them, waiting 100 s.
                batch.forEach(p -> p.result().completeExceptionally(e));
                return;
            }
            log.debug(
                    "{} batch of {} rolled back ({}); each unit runs again on its own",
                    name,
                    batch.size(),
                    e.toString());
            for (Pending<?> pending : batch) {
                try {
                    Runnable answer = transactions.execute(status -> attempt(pending));
                    if (answer != null) {
                        answer.run();
                    }
                } catch (RuntimeException single) {
                    pending.result().completeExceptionally(single);
                }
            }
            return;
        }
        answers.forEach(Runnable::run);
    }

    /**
     * Runs the unit in the current transaction and returns how to answer its request, to be run only after the commit:
     * with its result, or with its refusal if it refused before writing.
     */
    private static <T> Runnable attempt(Pending<T> pending) {
        try {
            T result = pending.unit().get();
            return () -> pending.result().complete(result);
        } catch (Unwritten refused) {
            return () -> pending.result().completeExceptionally(refused.refusal);
        }
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
