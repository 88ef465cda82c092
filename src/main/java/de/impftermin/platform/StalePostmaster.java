package de.impftermin.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a {@code kill -9} of the app the embedded PostgreSQL it started keeps running and holds the data directory.
 * Before starting again we stop that orphan (fast shutdown: committed data is on disk already), so a restart after
 * a crash just works.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().orElse("").contains("postgres"))
                .ifPresent(process -> {
                    log.warn("Stopping PostgreSQL (pid {}) left running by an earlier run", pid);
                    process.destroy();
                    try {
                        process.onExit().get(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
    }
}
