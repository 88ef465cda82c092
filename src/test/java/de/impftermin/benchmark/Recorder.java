package de.impftermin.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies and outcomes per operation, with the second (since the start) in which each request completed, so that a
 * run can be reported as a table and as a throughput/latency timeline.
 */
final class Recorder {

    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    private final Map<String, ConcurrentLinkedQueue<long[]>> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    long start() {
        return System.nanoTime();
    }

    /** Records one request of {@code op} that started at {@code startedNanos} and answered {@code status}. */
    void record(String op, long startedNanos, int status) {
        record(op, startedNanos, status, false);
    }

    /** The same, saying whether the answer had a {@code Retry-After} header. */
    void record(String op, long startedNanos, int status, boolean retryAfter) {
        long now = System.nanoTime();
        samples.computeIfAbsent(op, k -> new ConcurrentLinkedQueue<>()).add(new long[] {
            (now - startNanos) / 1_000_000L, (now - startedNanos) / 1000, status, retryAfter ? 1 : 0
        });
        outcomes.computeIfAbsent(op + " " + status, k -> new AtomicLong()).incrementAndGet();
    }

    void count(String what) {
        outcomes.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long count(String op, int status) {
        AtomicLong n = outcomes.get(op + " " + status);
        return n == null ? 0 : n.get();
    }

    Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One request: when it completed (epoch milliseconds), how long it took and what it answered. */
    record Sample(String op, long completedEpochMillis, long micros, int status, boolean retryAfter) {

        long startedEpochMillis() {
            return completedEpochMillis - micros / 1000;
        }
    }

    /** Every request recorded so far, of every operation, in no particular order. */
    List<Sample> samples() {
        List<Sample> all = new ArrayList<>();
        samples.forEach((op, list) ->
                list.forEach(s -> all.add(new Sample(op, startEpochMillis + s[0], s[1], (int) s[2], s[3] == 1))));
        return all;
    }

    /** Throughput, percentiles (ms) and errors of one operation; {@code ok} tells which statuses are successes. */
    Summary summary(String op, java.util.function.IntPredicate ok, double seconds) {
        List<long[]> list = new ArrayList<>(samples.getOrDefault(op, new ConcurrentLinkedQueue<>()));
        long[] micros = list.stream().mapToLong(s -> s[1]).sorted().toArray();
        long errors = list.stream().filter(s -> !ok.test((int) s[2])).count();
        return new Summary(
                op,
                list.size(),
                list.size() / Math.max(seconds, 1e-9),
                percentile(micros, 0.50),
                percentile(micros, 0.95),
                percentile(micros, 0.99),
                errors);
    }

    /** Per second: completed requests of {@code op} with a status {@code ok} accepts, and their p99 in ms. */
    double[][] timeline(String op, java.util.function.IntPredicate ok) {
        List<long[]> list = new ArrayList<>(samples.getOrDefault(op, new ConcurrentLinkedQueue<>()));
        int seconds = (int) list.stream().mapToLong(s -> s[0] / 1000).max().orElse(0) + 1;
        List<List<Long>> perSecond = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            perSecond.add(new ArrayList<>());
        }
        for (long[] s : list) {
            if (ok.test((int) s[2])) {
                perSecond.get((int) (s[0] / 1000)).add(s[1]);
            }
        }
        double[][] out = new double[seconds][2];
        for (int i = 0; i < seconds; i++) {
            long[] m = perSecond.get(i).stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            out[i][0] = m.length;
            out[i][1] = percentile(m, 0.99);
        }
        return out;
    }

    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    record Summary(String op, long requests, double perSecond, double p50, double p95, double p99, long errors) {

        String row() {
            return String.format(
                    "| %s | %,d | %,.0f/s | %.1f | %.1f | %.1f | %,d |",
                    op, requests, perSecond, p50, p95, p99, errors);
        }

        static String header() {
            return "| operation | requests | throughput | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|";
        }
    }

    static String percentiles(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return Arrays.toString(sorted);
    }
}
