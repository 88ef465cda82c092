package de.impftermin.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets idempotency keys after a day: a client retries within seconds or minutes, not days. Idempotent, so every
 * instance may run it at the same time.
 */
@Component
class IdempotencyHousekeeping {

    private final JdbcClient jdbc;

    IdempotencyHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${impftermin.housekeeping.interval:5m}", initialDelayString = "1m")
    @Transactional
    public void forgetOldKeys() {
        jdbc.sql("delete from idempotency_key where created_at < now() - interval '1 day'")
                .update();
    }
}
