package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Invariant 4: a confirmation that reached the client survives a crash. The database must commit durably, and the
 * app must come back after a {@code kill -9} that left its embedded PostgreSQL orphaned.
 */
@IntegrationTest
class DurabilityIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void embeddedDatabaseCommitsDurably() {
        Map<String, String> settings = Map.of(
                "fsync", jdbc.sql("show fsync").query(String.class).single(),
                "synchronous_commit",
                        jdbc.sql("show synchronous_commit").query(String.class).single(),
                "full_page_writes",
                        jdbc.sql("show full_page_writes").query(String.class).single());
        assertThat(settings)
                .containsOnly(
                        Map.entry("fsync", "on"),
                        Map.entry("synchronous_commit", "on"),
                        Map.entry("full_page_writes", "on"));
    }

    @Test
    void committedDataSurvivesKill9OfTheAppAndOfTheDatabase(@TempDir Path dataDir) throws Exception {
        long postmaster = crashAppAfterCommit(dataDir, "K7QM-3XTA-9PLW");
        ProcessHandle.of(postmaster).ifPresent(database -> {
            database.destroyForcibly();
            database.onExit().join();
        });

        assertThat(confirmationsAfterRestart(dataDir)).containsExactly("K7QM-3XTA-9PLW");
    }

    @Test
    void restartTakesOverTheDatabaseThatAKilledAppLeftRunning(@TempDir Path dataDir) throws Exception {
        long postmaster = crashAppAfterCommit(dataDir, "ABCD-EFGH-JKMN");
        assertThat(ProcessHandle.of(postmaster)).isPresent();

        assertThat(confirmationsAfterRestart(dataDir)).containsExactly("ABCD-EFGH-JKMN");
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    /**
     * Runs {@link CrashingApp} in its own JVM, waits until it reports a committed confirmation, then kills it with
     * SIGKILL (no shutdown hooks). Returns the pid of the PostgreSQL it leaves behind.
     */
    private static long crashAppAfterCommit(Path dataDir, String code) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingApp.class.getName(),
                        dataDir.toString(),
                        code)
                .redirectErrorStream(true)
                .start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(app.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("COMMITTED")) {
                // startup log of the crashing app
            }
            assertThat(line).as("the crashing app committed").isEqualTo("COMMITTED");
            app.destroyForcibly();
            app.waitFor();
        }
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .getFirst()
                .strip());
    }

    private static java.util.List<String> confirmationsAfterRestart(Path dataDir) throws Exception {
        EmbeddedPostgres restarted = new EmbeddedPostgresConfiguration().embeddedPostgres(properties(dataDir));
        try (var dataSource =
                new SingleConnectionDataSource(restarted.getJdbcUrl("postgres", "postgres"), "postgres", "", true)) {
            return JdbcClient.create(dataSource)
                    .sql("select code from confirmation")
                    .query(String.class)
                    .list();
        } finally {
            restarted.close();
        }
    }

    private static ImpfterminProperties properties(Path dataDir) {
        return new ImpfterminProperties(
                dataDir,
                false,
                null,
                false,
                java.time.Duration.ofMinutes(10),
                new ImpfterminProperties.RateLimits(true));
    }

    /** Stands in for the app: starts the embedded database like the app does, commits, says so, and waits to die. */
    static final class CrashingApp {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres =
                    new EmbeddedPostgresConfiguration().embeddedPostgres(properties(Path.of(args[0])));
            write(postgres, "create table confirmation (code text primary key)");
            write(postgres, "insert into confirmation values ('" + args[1] + "')");
            System.out.println("COMMITTED");
            System.out.flush();
            Thread.sleep(java.time.Duration.ofMinutes(5));
        }
    }

    private static void write(EmbeddedPostgres postgres, String sql) {
        try (var dataSource =
                new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", true)) {
            JdbcClient.create(dataSource).sql(sql).update();
        }
    }
}
