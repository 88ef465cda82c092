package de.impftermin.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL of the default run and of the tests, unless {@code spring.datasource.url} points
 * at a real server. Its data survives restarts under {@code impftermin.data-dir}, and it runs with durable commits
 * ({@code fsync}, {@code synchronous_commit}) because a confirmation that reached a citizen must survive a crash.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The running database; stopping the app stops it and waits until its postmaster has exited. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(ImpfterminProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize().resolve("postgres");
        return new EmbeddedDatabase(embeddedPostgres(properties), dataDir);
    }

    /** Starts PostgreSQL on the data directory of {@code properties}, cleaning up after an earlier crash first. */
    EmbeddedPostgres embeddedPostgres(ImpfterminProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(dataDir);
        StalePostmaster.stopIfRunning(dataDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                // statement statistics for operators and the benchmark: "create extension pg_stat_statements"
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
    }

    /**
     * The pool to the embedded database, with every {@code spring.datasource.hikari.*} setting applied as for a real
     * server (pool size, timeouts): the properties are bound onto the pool after this method returns.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPoolName("embedded");
        return pool;
    }

    /**
     * The embedded PostgreSQL and its data directory. {@link EmbeddedPostgres#close()} asks the postmaster to stop, but
     * the JVM could exit while it was still shutting down (it was seen alive 0.4 s after the app had exited); a stop
     * that waits leaves no server behind for the next start or for the operator's next command.
     */
    record EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) implements AutoCloseable {

        private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

        @Override
        public void close() throws IOException {
            Path pidFile = dataDir.resolve("postmaster.pid");
            Long pid = Files.exists(pidFile)
                    ? Long.valueOf(Files.readAllLines(pidFile).getFirst().strip())
                    : null;
            postgres.close();
            if (pid != null) {
                ProcessHandle.of(pid).ifPresent(EmbeddedDatabase::awaitExit);
            }
            log.info("Embedded PostgreSQL stopped");
        }

        private static void awaitExit(ProcessHandle postmaster) {
            try {
                postmaster.onExit().get(STOP_PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("PostgreSQL (pid {}) did not stop within {}", postmaster.pid(), STOP_PATIENCE);
            }
        }
    }
}
