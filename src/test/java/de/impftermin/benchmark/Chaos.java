package de.impftermin.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator and the checks of {@code ops/chaos.sh}: a book-out through nginx ({@link BookOut}, citizens with
 * a mobile number and an e-mail address) while the script injects faults, then, in SQL, what must hold whatever
 * failed: every booking acknowledged to a citizen is stored, no seat twice, every series whole (
 * {@link InvariantCheck}), and every confirmation message (SMS and e-mail per booking) handed to its gateway exactly
 * once, compared with what the stand-in gateways logged ({@code ops/gateways.py}). Last, per fault the script logged
 * ({@code faults.log}: {@code epochMillis name}), what the citizens saw: requests failed meanwhile, how (status,
 * {@code Retry-After}), the slowest answer, and how long no booking was accepted.
 *
 * <p>Arguments: {@code baseUrl jdbcUrl user password workDir}. Sizes: {@code -Dchaos.centres=4
 * -Dchaos.seriesPerCentre=500 -Dchaos.arrivals=15 -Dchaos.seconds=150 -Dchaos.drainSeconds=120}. It writes
 * {@code load-started} once the load runs, waits for {@code faults-done} after the load, and writes
 * {@code report.md}; the exit status is 1 if an invariant failed.
 */
public final class Chaos {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long WINDOW_MILLIS = 20_000;
    private static final long BUCKET_MILLIS = 10_000;

    private final JdbcClient jdbc;
    private final Path work;
    private final StringBuilder report = new StringBuilder();
    private final List<String> violations = new ArrayList<>();

    private Chaos(JdbcClient jdbc, Path work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[4]);
        DriverManagerDataSource db = new DriverManagerDataSource(args[1], args[2], args[3]);
        Chaos chaos = new Chaos(JdbcClient.create(db), work);
        Http http = new Http(args[0], System.getenv().getOrDefault("IMPFTERMIN_ADMIN_PASSWORD", ""));
        BookOut.Config config = new BookOut.Config(
                UUID.randomUUID().toString().substring(0, 6),
                Integer.getInteger("chaos.centres", 4),
                Integer.getInteger("chaos.seriesPerCentre", 500),
                0,
                Integer.getInteger("chaos.arrivals", 15),
                300,
                0,
                false,
                Integer.getInteger("chaos.seconds", 150),
                false,
                true);
        BookOut bookOut = new BookOut(http, chaos.jdbc, config);
        Instant opensAt = bookOut.setUp(false);
        Files.writeString(work.resolve("load-started"), Long.toString(System.currentTimeMillis()));
        BookOut.Result result = bookOut.run(opensAt);
        Files.write(work.resolve("acknowledged.txt"), result.codes());
        chaos.load(config, result);
        chaos.awaitFile("faults-done", 300);
        chaos.awaitOutboxDrained(Integer.getInteger("chaos.drainSeconds", 120));
        chaos.invariants(result);
        chaos.outbox();
        chaos.faults(result.recorder());
        Files.writeString(work.resolve("report.md"), chaos.report);
        System.out.println(chaos.report);
        System.exit(chaos.violations.isEmpty() ? 0 : 1);
    }

    private void load(BookOut.Config config, BookOut.Result result) {
        report.append(String.format(
                "Load: %,d series over %d centres, citizens arriving at %.0f/s (each: waiting-room ticket, polls,"
                        + " hold, confirm; a 503 is retried after 0.5–1.5 s, a confirmation with its Idempotency-Key),"
                        + " %.0f s; %,d bookings acknowledged.%n%n",
                result.series(),
                config.centres(),
                config.arrivalsPerSecond(),
                result.seconds(),
                result.acknowledged()));
        report.append(Recorder.Summary.header()).append('\n');
        for (String op : List.of("join", "poll", "hold", "confirm")) {
            report.append(result.recorder()
                            .summary(op, s -> s < 400 || s == 409, result.seconds())
                            .row())
                    .append('\n');
        }
        report.append("\nOutcomes: ").append(result.recorder().outcomes()).append("\n\n");
    }

    private void awaitFile(String name, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(work.resolve(name)) && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** Waits until no message is due any more (retries after the gateways' failure included), or gives up. */
    private void awaitOutboxDrained(int seconds) throws InterruptedException {
        long started = System.nanoTime();
        long until = started + TimeUnit.SECONDS.toNanos(seconds);
        long unsent = -1;
        while (System.nanoTime() < until) {
            unsent = jdbc.sql("select count(*) from outbox_message where sent_at is null and dead_at is null")
                    .query(Long.class)
                    .single();
            if (unsent == 0) {
                break;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        report.append(String.format(
                "Outbox: %s after the faults ended (waited %.0f s).%n%n",
                unsent == 0 ? "drained" : unsent + " messages still unsent", (System.nanoTime() - started) / 1e9));
    }

    private void invariants(BookOut.Result result) {
        InvariantCheck.Outcome outcome = InvariantCheck.check(jdbc, result.centreIds(), result.codes());
        violations.addAll(outcome.violations());
        report.append("Bookings: ").append(outcome.text()).append("\n\n");
    }

    /**
     * Every confirmed booking has its SMS and its e-mail in the outbox, every outbox message was handed over (none left
     * unsent or dead), each arrived at its gateway, and no gateway got the same message for the same recipient twice.
     */
    private void outbox() throws Exception {
        jdbc.sql("create table if not exists chaos_gateway_log (channel text, recipient text, subject text, text text)")
                .update();
        jdbc.sql("truncate chaos_gateway_log").update();
        Path log = work.resolve("gateway-messages.jsonl");
        for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            JsonNode message = JSON.readTree(line);
            jdbc.sql("insert into chaos_gateway_log values (?, ?, ?, ?)")
                    .params(
                            message.path("channel").asString(),
                            message.path("to").asString(),
                            message.path("subject").asString(),
                            message.path("text").asString())
                    .update();
        }
        String normalised = "rtrim(replace(%s, E'\\r\\n', E'\\n'), E' \\n')";
        Map<String, Long> counts = new TreeMap<>();
        counts.put("confirmed bookings without their SMS in the outbox", count("""
                select count(*) from booking b where b.status = 'CONFIRMED' and b.contact_phone is not null
                and not exists (select 1 from outbox_message m where m.channel = 'SMS'
                                and m.recipient = b.contact_phone and position(b.code in m.body) > 0)
                """));
        counts.put("confirmed bookings without their e-mail in the outbox", count("""
                select count(*) from booking b where b.status = 'CONFIRMED' and b.contact_email is not null
                and not exists (select 1 from outbox_message m where m.channel = 'EMAIL'
                                and m.recipient = b.contact_email and position(b.code in m.subject) > 0)
                """));
        counts.put("outbox messages unsent", count("select count(*) from outbox_message where sent_at is null"));
        counts.put("outbox messages dead", count("select count(*) from outbox_message where dead_at is not null"));
        counts.put("outbox messages marked sent that no gateway received", count("""
                select count(*) from outbox_message m where m.sent_at is not null and not exists (
                    select 1 from chaos_gateway_log g where g.channel = m.channel and g.recipient = m.recipient
                    and %s = %s)
                """.formatted(
                        normalised.formatted("g.text"), normalised.formatted("m.body"))));
        counts.put("messages a gateway received twice or more (same channel, recipient and text)", count("""
                select count(*) from (select 1 from chaos_gateway_log
                                      group by channel, recipient, %s having count(*) > 1) twice
                """.formatted(
                        normalised.formatted("text"))));
        long outboxed = count("select count(*) from outbox_message");
        long received = count("select count(*) from chaos_gateway_log");
        counts.forEach((what, n) -> {
            if (n > 0) {
                violations.add(n + " " + what);
            }
        });
        report.append(String.format(
                "Messages: %,d in the outbox, %,d received by the gateways; %s%n%n",
                outboxed,
                received,
                counts.values().stream().allMatch(n -> n == 0)
                        ? "none lost, none sent twice (PASSED)"
                        : "FAILED " + counts));
    }

    /** Any answer but 2xx, 3xx and 409 (sold out); 598 is the generator stopping its own citizens at the end. */
    private static boolean failed(Recorder.Sample sample) {
        return sample.status() >= 400 && sample.status() != 409 && sample.status() != 598;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Per fault in {@code faults.log}: what the citizens saw from its start to its end (or the next 20 s). */
    private void faults(Recorder recorder) throws Exception {
        Path log = work.resolve("faults.log");
        if (!Files.exists(log)) {
            return;
        }
        List<Recorder.Sample> samples = new ArrayList<>(recorder.samples());
        samples.sort(Comparator.comparingLong(Recorder.Sample::completedEpochMillis));
        Map<String, Long> at = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.strip().split(" ", 2);
            if (parts.length == 2) {
                at.put(parts[1], Long.parseLong(parts[0]));
            }
        }
        long loadStart = at.getOrDefault(
                "load-started", samples.isEmpty() ? 0 : samples.getFirst().startedEpochMillis());
        timeline(samples, at, loadStart);
        StringBuilder csv = new StringBuilder("op,started_ms,completed_ms,status,retry_after\n");
        samples.forEach(s -> csv.append(String.format(
                "%s,%d,%d,%d,%b%n",
                s.op(),
                s.startedEpochMillis() - loadStart,
                s.completedEpochMillis() - loadStart,
                s.status(),
                s.retryAfter())));
        Files.writeString(work.resolve("samples.csv"), csv);
        report.append("| fault | from | to | requests then | failed | failed: 503 with Retry-After | other failures |"
                + " slowest answer | no booking accepted for |\n|---|---|---|---|---|---|---|---|---|\n");
        row(samples, at, "app instance killed (kill -9)", "app-kill", "app-kill-window");
        row(samples, at, "PostgreSQL primary killed (kill -9)", "primary-kill", "primary-kill-window");
        row(samples, at, "standby paused (SIGSTOP … SIGCONT)", "standby-stop", "standby-cont");
        row(samples, at, "SMTP and SMS gateways failing", "gateways-fail", "gateways-ok");
        report.append(
                "\nTimes are seconds after the load started; \"no booking accepted for\" runs from the fault to the"
                        + " first confirmation answered 201 that was sent after it. A failure is any answer but 2xx, 3xx and"
                        + " 409 (sold out).\n\n");
    }

    /** Per 10 s of the run: bookings accepted, requests refused with 503, other failures, and the faults begun. */
    private void timeline(List<Recorder.Sample> samples, Map<String, Long> at, long loadStart) {
        long last = samples.stream()
                .mapToLong(Recorder.Sample::completedEpochMillis)
                .max()
                .orElse(loadStart);
        report.append("| s | confirmed (201) | holds (201) | 503 with Retry-After | other failures | slowest ms |"
                + " faults begun |\n|---|---|---|---|---|---|---|\n");
        for (long from = loadStart; from <= last; from += BUCKET_MILLIS) {
            long f = from;
            List<Recorder.Sample> in = samples.stream()
                    .filter(s -> s.completedEpochMillis() >= f && s.completedEpochMillis() < f + BUCKET_MILLIS)
                    .toList();
            List<String> begun = at.entrySet().stream()
                    .filter(e -> e.getValue() >= f && e.getValue() < f + BUCKET_MILLIS)
                    .map(Map.Entry::getKey)
                    .filter(name -> !name.equals("load-started"))
                    .toList();
            report.append(String.format(
                    "| %d | %,d | %,d | %,d | %,d | %,d | %s |%n",
                    (from - loadStart) / 1000,
                    in.stream()
                            .filter(s -> s.op().equals("confirm") && s.status() == 201)
                            .count(),
                    in.stream()
                            .filter(s -> s.op().equals("hold") && s.status() == 201)
                            .count(),
                    in.stream().filter(s -> s.status() == 503 && s.retryAfter()).count(),
                    in.stream()
                            .filter(Chaos::failed)
                            .filter(s -> !(s.status() == 503 && s.retryAfter()))
                            .count(),
                    in.stream().mapToLong(Recorder.Sample::micros).max().orElse(0) / 1000,
                    String.join(", ", begun)));
        }
        report.append('\n');
    }

    private void row(List<Recorder.Sample> samples, Map<String, Long> at, String title, String from, String to) {
        Long start = at.get(from);
        if (start == null) {
            return;
        }
        long end = at.getOrDefault(to, start + WINDOW_MILLIS);
        long loadStart = at.getOrDefault("load-started", start);
        Predicate<Recorder.Sample> inWindow = s -> s.completedEpochMillis() >= start && s.startedEpochMillis() <= end;
        List<Recorder.Sample> window = samples.stream().filter(inWindow).toList();
        List<Recorder.Sample> failed = window.stream().filter(Chaos::failed).toList();
        long clean =
                failed.stream().filter(s -> s.status() == 503 && s.retryAfter()).count();
        Map<String, Long> others = new TreeMap<>();
        failed.stream()
                .filter(s -> !(s.status() == 503 && s.retryAfter()))
                .forEach(s -> others.merge(s.op() + " " + s.status(), 1L, Long::sum));
        long slowest = window.stream().mapToLong(Recorder.Sample::micros).max().orElse(0) / 1000;
        String accepted = samples.stream()
                .filter(s -> s.op().equals("confirm") && s.status() == 201 && s.startedEpochMillis() >= start)
                .findFirst()
                .map(s -> String.format("%.1f s", (s.completedEpochMillis() - start) / 1000.0))
                .orElse("until the end");
        report.append(String.format(
                "| %s | %.1f | %.1f | %,d | %,d | %,d | %s | %,d ms | %s |%n",
                title,
                (start - loadStart) / 1000.0,
                (end - loadStart) / 1000.0,
                window.size(),
                failed.size(),
                clean,
                others.isEmpty() ? "none" : others.toString(),
                slowest,
                accepted));
        if (!others.isEmpty()) {
            violations.add(title + ": failures other than 503 with Retry-After " + others);
        }
    }
}
