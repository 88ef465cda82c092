package de.impftermin.inventory;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for holds: the claims of all citizens waiting at the moment run one after the other in one
 * transaction on one connection, and each citizen is answered only after that transaction committed. At the rush
 * this saves a commit, a connection checkout and a transaction's round trips per hold, and a waiting hold holds no
 * connection. Each claim is one statement that either holds its pairs (and ends the citizen's earlier hold) or
 * changes nothing ({@link PairRepository#hold}), so claims that find nothing free need no savepoint; a claim that
 * fails (a deadlock with a confirmation, a lost connection) rolls the batch back, and then each claim of that batch
 * runs again in a transaction of its own, so that one failure fails only its own request. Later claims of a batch see
 * the pairs earlier ones took, as any statement sees its own transaction's writes, so nobody is told "gone" for a pair
 * a batch neighbour merely looked at. Each instance batches its own requests; instances claim side by side as before,
 * with {@code SKIP LOCKED}.
 */
@Component
class HoldBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldBatcher.class);

    /** One claim: the work that runs in the batch's transaction and what it found. */
    private record Pending<T>(Function<PairRepository, T> claim, CompletableFuture<T> result) {

        void run(PairRepository pairs) {
            result.complete(claim.apply(pairs));
        }
    }

    private final PairRepository pairs;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final DistributionSummary sizes;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    HoldBatcher(
            PairRepository pairs,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            @Value("${impftermin.holds.max-batch:64}") int maxBatch) {
        this.pairs = pairs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxBatch = maxBatch;
        this.sizes = DistributionSummary.builder("impftermin.holds.batch.size")
                .description("Holds claimed in one transaction (group commit)")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        meters.gauge("impftermin.holds.queued", queue, BlockingQueue::size);
        this.worker = Thread.ofVirtual().name("hold-batcher").start(this::work);
    }

    /** Runs {@code claim} in the next batch's transaction and returns what it found once that has committed. */
    <T> T claim(Function<PairRepository, T> claim) {
        Pending<T> pending = new Pending<>(claim, new CompletableFuture<>());
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
            throw new IllegalStateException("interrupted while waiting for the hold's transaction", e);
        }
    }

    /** Claims waiting for the next batch. */
    int queued() {
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
                run(batch);
            } catch (RuntimeException | Error e) {
                log.error("Hold batch of {} failed outside any claim", batch.size(), e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
            batch.clear();
        }
        for (Pending<?> left; (left = queue.poll()) != null; ) {
            left.result().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }

    private void run(List<Pending<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try {
            transactions.executeWithoutResult(status -> {
                for (Pending<?> pending : batch) {
                    Object found = pending.claim().apply(pairs);
                    answers.add(() -> complete(pending, found));
                }
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(e);
                return;
            }
            log.warn("Hold batch of {} rolled back ({}); each claim runs again on its own", batch.size(), e.toString());
            for (Pending<?> pending : batch) {
                try {
                    transactions.executeWithoutResult(status -> pending.run(pairs));
                } catch (RuntimeException single) {
                    pending.result().completeExceptionally(single);
                }
            }
            return;
        }
        answers.forEach(Runnable::run);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object found) {
        pending.result().complete((T) found);
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
