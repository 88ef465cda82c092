package de.impftermin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs {@code n} tasks on {@code n} real (platform) threads that all wait at a start gate and are released together,
 * so that they really race. Results come back in task order; a task's exception fails the race.
 */
public final class Race {

    private Race() {}

    public static <T> List<T> run(int threads, IntFunction<T> task) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        return onThreads(
                threads,
                threads,
                "racing thread",
                index -> () -> {
                    ready.countDown();
                    start.await();
                    return task.apply(index);
                },
                () -> {
                    if (!ready.await(60, TimeUnit.SECONDS)) {
                        throw new AssertionError("threads did not get ready");
                    }
                    start.countDown();
                });
    }

    /** Runs {@code n} independent set-up tasks in parallel (no gate), e.g. to make many citizens quickly. */
    public static <T> List<T> prepare(int n, IntFunction<T> task) {
        return onThreads(n, Math.min(n, 16), "set-up task", index -> () -> task.apply(index), () -> {});
    }

    private interface Gate {
        void open() throws InterruptedException;
    }

    private static <T> List<T> onThreads(int n, int threads, String what, IntFunction<Callable<T>> task, Gate gate) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task.apply(i)));
            }
            gate.open();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("a " + what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a " + what + " did not finish in time", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
