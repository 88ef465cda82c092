package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.Requests;
import de.impftermin.support.TestCentre;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The small, CI-sized version of {@code ops/chaos.sh}'s primary kill: citizens book from real threads while the
 * embedded PostgreSQL is killed ({@code SIGKILL} of the postmaster and every server process, as a crash would) and,
 * a few seconds later, started again on the same data directory and port. The app has to do nothing but reconnect:
 * meanwhile every request is answered {@code 503} with {@code Retry-After} within a few seconds (never {@code 500},
 * never a hang), a client that comes back is served, every booking acknowledged before, during or after the outage is
 * stored, and no seat is sold twice.
 *
 * <p>It runs on an application context and database of its own (a crash would disturb every other test), with a
 * pool timeout of 2 s so that the outage is felt quickly, and closes them afterwards.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "impftermin.data-dir=target/test-db/outage-${random.uuid}",
            "spring.datasource.hikari.connection-timeout=2000"
        })
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageIntegrationTests extends ApiTestSupport {

    private static final int SERIES = 120;
    private static final int CITIZENS = 100;
    private static final int THREADS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    /** The pool's 2 s connection timeout, the overload filter's 250 ms, and room for a busy CI machine. */
    private static final Duration LONGEST_ANSWER = Duration.ofSeconds(8);

    /** One answer the citizens got: which step, its status, whether it said when to come back, when and how long. */
    record Answer(String step, int status, boolean retryAfter, long startedMillis, long millis) {}

    @Autowired
    EmbeddedPostgresConfiguration.EmbeddedDatabase database;

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Queue<Long> acknowledgedAt = new ConcurrentLinkedQueue<>();

    @Test
    void bookingsDuringADatabaseCrashFailCleanlyAndEveryAcknowledgedBookingSurvives() throws Exception {
        LocalDate day = TestCentre.day(3);
        TestCentre centre = TestCentre.bookable(admin, day, SERIES);
        Queue<Citizen> waiting = new ConcurrentLinkedQueue<>(
                IntStream.range(0, CITIZENS).mapToObj(i -> citizens.citizen()).toList());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(Thread.ofPlatform().name("citizen-" + i).start(() -> {
                for (Citizen citizen; (citizen = waiting.poll()) != null; ) {
                    book(citizen, centre.id(), day);
                }
            }));
        }
        awaitAcknowledged(15);

        long crashedAt = System.currentTimeMillis();
        List<String> postmaster = crash();
        Thread.sleep(OUTAGE);
        restart(postmaster);
        long restartedAt = System.currentTimeMillis();
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(2));
        }

        assertThat(answers)
                .as("requests sent while the database was down")
                .anyMatch(a -> a.status() == 503 && a.startedMillis() >= crashedAt && a.startedMillis() < restartedAt);
        assertThat(answers)
                .as("every answer: done (201), sold out (409) or come back later (503 with Retry-After)")
                .allMatch(a -> a.status() == 201 || a.status() == 409 || (a.status() == 503 && a.retryAfter()));
        assertThat(answers.stream().mapToLong(Answer::millis).max().orElseThrow())
                .as("the slowest answer, in ms")
                .isLessThanOrEqualTo(LONGEST_ANSWER.toMillis());
        assertThat(acknowledgedAt)
                .as("bookings accepted again after the restart")
                .anyMatch(at -> at > restartedAt);
        assertThat(jdbc.sql("select count(*) from booking where status = 'CONFIRMED' and code = any(?)")
                        .param(SqlArrays.of("text", acknowledged.toArray()))
                        .query(Integer.class)
                        .single())
                .as("acknowledged bookings stored")
                .isEqualTo(acknowledged.size());
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is not null",
                        centre.id()))
                .as("sold series = confirmed bookings of one person each")
                .isEqualTo(count(
                        "select count(*) from booking where centre_id = ? and status = 'CONFIRMED'", centre.id()));
        invariants.check(centre.id());
    }

    /** One citizen: holds one series and confirms it, coming back after every 503 as the portal tells a browser to. */
    private void book(Citizen citizen, String centreId, LocalDate day) {
        Requests.Person person = Requests.Person.unique();
        ApiResponse hold = untilServed("hold", () -> citizens.hold(citizen, centreId, day, "09:00", person));
        if (hold.status() != 201) {
            return;
        }
        String key = UUID.randomUUID().toString();
        ApiResponse booking = untilServed(
                "confirm",
                () -> api.post(
                        "/api/v1/bookings",
                        Requests.booking(hold.json().path("id").asString(), person),
                        citizen.bookingHeaders(key)));
        if (booking.status() == 201) {
            acknowledged.add(booking.json().path("code").asString());
            acknowledgedAt.add(System.currentTimeMillis());
        }
    }

    private ApiResponse untilServed(String step, Supplier<ApiResponse> request) {
        for (int attempt = 0; ; attempt++) {
            long started = System.currentTimeMillis();
            ApiResponse answer = request.get();
            answers.add(new Answer(
                    step,
                    answer.status(),
                    answer.header("Retry-After").isPresent(),
                    started,
                    System.currentTimeMillis() - started));
            if (answer.status() != 503 || attempt == 200) {
                return answer;
            }
            sleep(200);
        }
    }

    /**
     * Kills the postmaster and every server process at once, as a crash of the machine would, and waits for them.
     * Returns the postmaster's command line, to start it again with the same settings.
     */
    private List<String> crash() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(database.dataDir().resolve("postmaster.pid"))
                .getFirst()
                .strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        List<String> commandLine = new ArrayList<>();
        commandLine.add(server.info().command().orElseThrow());
        commandLine.addAll(List.of(server.info().arguments().orElseThrow()));
        List<ProcessHandle> processes = new ArrayList<>(server.descendants().toList());
        processes.add(server);
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(p -> p.onExit().join());
        return commandLine;
    }

    /**
     * Starts the postmaster again as it ran before (same binary, data directory, port and settings; it recovers from
     * the crash first) and waits until it takes connections. The context's {@code EmbeddedDatabase} stops it at the
     * end, as it stops whatever server runs on its data directory.
     */
    private void restart(List<String> commandLine) throws Exception {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the embedded library does: PostgreSQL refuses to run as root
        }
        command.addAll(commandLine);
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(database.dataDir()
                        .resolveSibling("restarted-postgres.log")
                        .toFile())
                .start();
        String url = database.postgres().getJdbcUrl("postgres", "postgres");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                return;
            } catch (SQLException starting) {
                if (System.nanoTime() > until) {
                    throw starting;
                }
                Thread.sleep(100);
            }
        }
    }

    private void awaitAcknowledged(int bookings) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.size() < bookings && System.nanoTime() < until) {
            sleep(20);
        }
        assertThat(acknowledged).as("bookings before the crash").hasSizeGreaterThanOrEqualTo(bookings);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
