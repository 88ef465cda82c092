package de.impftermin.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples, once a second, the CPU of the app process, of PostgreSQL (the postmaster and its backends) and of this
 * generator, and the app's resident memory, all from {@code /proc}; CPU in cores (1.0 = one core busy).
 */
final class ProcessSampler implements AutoCloseable {

    private static final double TICKS = 100.0;

    record Sample(double second, double appCores, double postgresCores, double generatorCores, long appRssMb) {}

    private final long appPid;
    private final long postmasterPid;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private long lastApp;
    private long lastPostgres;
    private long lastGenerator;
    private long lastNanos;

    ProcessSampler(long appPid, long postmasterPid) {
        this.appPid = appPid;
        this.postmasterPid = postmasterPid;
        lastApp = ticks(appPid);
        lastPostgres = postgresTicks();
        lastGenerator = generatorNanos();
        lastNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        long app = ticks(appPid);
        long postgres = postgresTicks();
        long generator = generatorNanos();
        double seconds = (now - lastNanos) / 1e9;
        samples.add(new Sample(
                (now - startNanos) / 1e9,
                (app - lastApp) / TICKS / seconds,
                (postgres - lastPostgres) / TICKS / seconds,
                (generator - lastGenerator) / 1e9 / seconds,
                rssMb(appPid)));
        lastApp = app;
        lastPostgres = postgres;
        lastGenerator = generator;
        lastNanos = now;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Mean and peak of the samples in {@code [from, to)} seconds since the sampler started. */
    synchronized String summary(double from, double to) {
        List<Sample> in = samples.stream()
                .filter(s -> s.second() >= from && s.second() < to + 1)
                .toList();
        if (in.isEmpty()) {
            return "no samples";
        }
        return String.format(
                "app %.2f cores (peak %.2f), PostgreSQL %.2f cores (peak %.2f), generator %.2f cores (peak %.2f),"
                        + " app RSS peak %d MB",
                in.stream().mapToDouble(Sample::appCores).average().orElse(0),
                in.stream().mapToDouble(Sample::appCores).max().orElse(0),
                in.stream().mapToDouble(Sample::postgresCores).average().orElse(0),
                in.stream().mapToDouble(Sample::postgresCores).max().orElse(0),
                in.stream().mapToDouble(Sample::generatorCores).average().orElse(0),
                in.stream().mapToDouble(Sample::generatorCores).max().orElse(0),
                in.stream().mapToLong(Sample::appRssMb).max().orElse(0));
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private long postgresTicks() {
        long total = ticks(postmasterPid);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(Long.parseLong(name));
                if (stat != null && Long.parseLong(stat[3]) == postmasterPid) {
                    total += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    private static long ticks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }

    /** The fields of {@code /proc/pid/stat}, counted from 0 as in proc(5) minus one (the name may hold spaces). */
    private static String[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String afterName = text.substring(text.lastIndexOf(')') + 2);
            String[] rest = afterName.split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = Long.toString(pid);
            fields[1] = "name";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long generatorNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
