package de.impftermin.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

    @Bean(destroyMethod = "close")
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

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(24);
        config.setConnectionTimeout(5000);
        config.setPoolName("embedded");
        return new HikariDataSource(config);
    }
}
