package de.impftermin.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes hold rows an hour after they expired. Expired holds need no clean-up to be claimable again (the claim
 * ignores them); this only keeps the table small. Idempotent, so every instance may run it at the same time.
 */
@Component
class HoldHousekeeping {

    private final JdbcClient jdbc;

    HoldHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${impftermin.housekeeping.interval:5m}", initialDelayString = "1m")
    @Transactional
    public void deleteLongExpiredHolds() {
        jdbc.sql("delete from hold where expires_at < now() - interval '1 hour'")
                .update();
    }
}
