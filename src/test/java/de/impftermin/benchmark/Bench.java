package de.impftermin.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The full benchmark against a running jar (started by {@code bench/run.sh}): book-out, hot spot, feed and waiting
 * room, each followed by the SQL invariant check, with CPU and memory sampled from {@code /proc}. Prints a markdown
 * report and writes one PNG chart per scenario.
 *
 * <p>Arguments: {@code scenario|all baseUrl dataDir appPid outputDir}. Sizes are system properties, e.g.
 * {@code -Dbench.centres=50 -Dbench.seriesPerCentre=400 -Dbench.prequeued=2000 -Dbench.arrivals=500
 * -Dbench.admission=400 -Dbench.feedConnections=1000 -Dbench.seconds=20}.
 */
public final class Bench {

    private final Http http;
    private final JdbcClient jdbc;
    private final ProcessSampler sampler;
    private final Path output;
    private final StringBuilder report = new StringBuilder();

    private Bench(Http http, JdbcClient jdbc, ProcessSampler sampler, Path output) {
        this.http = http;
        this.jdbc = jdbc;
        this.sampler = sampler;
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        Path dataDir = Path.of(args[2]);
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", ""));
        Path output = Path.of(args[4]);
        Files.createDirectories(output);
        try (ProcessSampler sampler = new ProcessSampler(
                Long.parseLong(args[3]), Long.parseLong(pid.get(0).strip()))) {
            Bench bench = new Bench(
                    new Http(args[1], System.getenv().getOrDefault("IMPFTERMIN_ADMIN_PASSWORD", "")),
                    jdbc,
                    sampler,
                    output);
            bench.warmUp();
            for (String s :
                    scenario.equals("all") ? List.of("bookout", "hotspot", "feed", "waitingroom") : List.of(scenario)) {
                switch (s) {
                    case "bookout" -> bench.bookOut(false);
                    case "hotspot" -> bench.bookOut(true);
                    case "feed" -> bench.feed();
                    case "waitingroom" -> bench.waitingRoom();
                    default -> throw new IllegalArgumentException("unknown scenario " + s);
                }
            }
            System.out.println(bench.report);
            Files.writeString(output.resolve("benchmark-results.md"), bench.report.toString());
        }
    }

    /** A small book-out that is not reported, so that the first scenario does not measure the JIT compiling. */
    private void warmUp() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        BookOut warmUp =
                new BookOut(http, jdbc, new BookOut.Config(run, 2, 300, 0, 200, 200, 0, false, 60, false, false));
        warmUp.run(warmUp.setUp(false));
        for (int i = 0; i < 2000; i++) {
            http.get("/api/v1/availability");
        }
    }

    private void bookOut(boolean hotSpot) throws Exception {
        String name = hotSpot ? "hotspot" : "bookout";
        BookOut.Config config = new BookOut.Config(
                UUID.randomUUID().toString().substring(0, 6),
                hotSpot ? 1 : Integer.getInteger("bench.centres", 50),
                Integer.getInteger(hotSpot ? "bench.hotSpotSeries" : "bench.seriesPerCentre", hotSpot ? 2000 : 400),
                Integer.getInteger("bench.prequeued", 2000),
                Integer.getInteger("bench.arrivals", 500),
                Integer.getInteger("bench.admission", 400),
                Integer.getInteger("bench.opensIn", hotSpot ? 20 : 20 + Integer.getInteger("bench.centres", 50)),
                hotSpot,
                Integer.getInteger("bench.maxSeconds", 300),
                Boolean.parseBoolean(System.getProperty("bench.adaptive", "true")),
                false);
        BookOut bookOut = new BookOut(http, jdbc, config);
        Instant opensAt = bookOut.setUp(true);
        Statements.reset(jdbc);
        GroupCommitSizes commitsBefore = GroupCommitSizes.read(http);
        double from = sampler.elapsedSeconds()
                + Duration.between(Instant.now(), opensAt).toMillis() / 1000.0;
        BookOut.Result result = bookOut.run(opensAt);
        double to = sampler.elapsedSeconds();
        String statements = GroupCommitSizes.read(http).since(commitsBefore) + "\n\n"
                + Statements.top(jdbc, result.acknowledged(), 10);
        InvariantCheck.Outcome invariants = InvariantCheck.check(jdbc, result.centreIds(), result.codes());
        section(
                hotSpot ? "Hot spot" : "Book-out",
                String.format(
                        "%,d series over %d centre(s); %,d citizens pre-queued, then %d/s arriving; admission rate %d/s%s."
                                + " %,d confirmed in %.1f s (%,.0f confirmed series/s); %s",
                        result.series(),
                        config.centres(),
                        config.prequeued(),
                        (int) config.arrivalsPerSecond(),
                        (int) config.admissionRate(),
                        config.adaptive()
                                ? " as the ceiling, adaptive (rate in effect each 5 s: "
                                        + everyFifth(result.admittingRates()) + ")"
                                : ", fixed",
                        result.acknowledged(),
                        result.soldOutAfterSeconds(),
                        result.acknowledged() / Math.max(result.soldOutAfterSeconds(), 1e-9),
                        hotSpot ? "409s before the last successful hold (false \"gone\"): " + result.falseGone() : ""),
                result.recorder(),
                List.of("join", "poll", "hold", "confirm"),
                result.seconds(),
                from,
                to,
                "invariants: " + invariants.text() + "; outcomes "
                        + result.recorder().outcomes() + "\n\n" + statements);
        chart(name, result.recorder(), List.of("join", "poll", "hold", "confirm"));
    }

    private static String everyFifth(List<Double> rates) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < rates.size(); i += 5) {
            shown.add(String.format("%.0f", rates.get(i)));
        }
        return String.join(", ", shown) + "/s";
    }

    /** Many connections polling the availability feed as fast as they are answered, for a fixed time. */
    private void feed() throws Exception {
        int connections = Integer.getInteger("bench.feedConnections", 1000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        Recorder recorder = new Recorder();
        AtomicBoolean over = new AtomicBoolean();
        List<Long> ages = java.util.Collections.synchronizedList(new ArrayList<>());
        Pattern generated = Pattern.compile("\"generatedAt\":\"([^\"]+)\"");
        double from = sampler.elapsedSeconds();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                workers.submit(() -> {
                    while (!over.get()) {
                        long t = recorder.start();
                        Http.Answer answer = http.get("/api/v1/availability");
                        recorder.record("feed", t, answer.status());
                        Matcher m = generated.matcher(answer.body());
                        if (m.find()) {
                            ages.add(Duration.between(
                                            OffsetDateTime.parse(m.group(1)).toInstant(), Instant.now())
                                    .toMillis());
                        }
                    }
                });
            }
            Thread.sleep(seconds * 1000L);
            over.set(true);
        }
        long[] sorted = ages.stream().mapToLong(Long::longValue).sorted().toArray();
        String staleness = sorted.length == 0
                ? "no ages"
                : String.format(
                        "snapshot age when served (now − generatedAt): p50 %d ms, p99 %d ms, max %d ms",
                        sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1]);
        section(
                "Feed",
                connections + " connections polling `GET /api/v1/availability` back to back for " + seconds + " s.",
                recorder,
                List.of("feed"),
                seconds,
                from,
                sampler.elapsedSeconds(),
                staleness);
        chart("feed", recorder, List.of("feed"));
    }

    /** Closed loop: each worker takes a ticket and polls it three times, again and again. */
    private void waitingRoom() throws Exception {
        int workers = Integer.getInteger("bench.waitingRoomWorkers", 256);
        int seconds = Integer.getInteger("bench.seconds", 20);
        double rate = Integer.getInteger("bench.waitingRoomRate", 200);
        // an open release with series left, so that the queue admits (it pauses while everything is sold out)
        String run = UUID.randomUUID().toString().substring(0, 6);
        new BookOut(http, jdbc, new BookOut.Config(run, 1, 500, 0, 1, rate, 0, false, 1, false, false)).setUp(false);
        // a fixed rate: this scenario checks that the counter admits at the rate set
        http.adminPut("/api/v1/admin/waiting-room", "{\"ratePerSecond\":" + rate + ",\"adaptive\":false}");
        Http.Answer before = http.get("/api/v1/admin/waiting-room", "Authorization", http.adminAuthorization());
        Recorder recorder = new Recorder();
        AtomicBoolean over = new AtomicBoolean();
        double from = sampler.elapsedSeconds();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> {
                    while (!over.get()) {
                        long t = recorder.start();
                        Http.Answer ticket = http.post("/api/v1/waiting-room/tickets", "");
                        recorder.record("join", t, ticket.status());
                        String id = ticket.field("ticket");
                        for (int p = 0; p < 3 && !over.get() && !id.isEmpty(); p++) {
                            t = recorder.start();
                            Http.Answer poll = http.get("/api/v1/waiting-room/tickets/" + id);
                            recorder.record("poll", t, poll.status());
                        }
                    }
                });
            }
            Thread.sleep(seconds * 1000L);
            over.set(true);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Http.Answer after = http.get("/api/v1/admin/waiting-room", "Authorization", http.adminAuthorization());
        double admitted = (after.number("served") - before.number("served")) / elapsed;
        long total = recorder.count("join", 201) + recorder.count("poll", 200);
        section(
                "Waiting room",
                String.format(
                        "%d workers, each: take a ticket, poll it 3 times, repeat, for %d s; admission rate set to %.0f/s."
                                + " %,.0f joins+polls/s in all.",
                        workers, seconds, rate, total / elapsed),
                recorder,
                List.of("join", "poll"),
                elapsed,
                from,
                sampler.elapsedSeconds(),
                String.format(
                        "admitted %.1f/s while the queue was longer than the rate (set %.0f/s: %+.1f %%); queue now %s",
                        admitted, rate, (admitted / rate - 1) * 100, after.body()));
        chart("waitingroom", recorder, List.of("join", "poll"));
    }

    private void section(
            String title,
            String setup,
            Recorder recorder,
            List<String> ops,
            double seconds,
            double from,
            double to,
            String outcome) {
        report.append("### ").append(title).append("\n\n").append(setup).append("\n\n");
        report.append(Recorder.Summary.header()).append('\n');
        for (String op : ops) {
            report.append(recorder.summary(op, s -> s < 400 || s == 409, seconds)
                            .row())
                    .append('\n');
        }
        report.append("\nErrors are answers other than 2xx, 3xx and 409 (503 = overload protection, 598/599 = the"
                        + " generator's own timeouts and aborts).\n\n")
                .append("CPU and memory: ")
                .append(sampler.summary(from, to))
                .append(".\n\n")
                .append(outcome)
                .append("\n\n");
        System.out.println(report);
    }

    private void chart(String name, Recorder recorder, List<String> ops) throws IOException {
        Chart chart = new Chart(name + ": successful requests per second and p99 latency");
        for (String op : ops) {
            chart.add(op, recorder.timeline(op, s -> s < 400 || s == 409));
        }
        chart.write(output.resolve("benchmark-" + name + ".png"));
        report.append("![").append(name).append("](benchmark-").append(name).append(".png)\n\n");
    }
}
