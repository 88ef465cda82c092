package de.impftermin.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes hold rows an hour after they expired. Expired holds need no clean-up to be claimable again (the claim
 * ignores them); this keeps the table small and forgets the birth dates, postal codes and verified addresses they
 * carry. The same goes for the address that held an invitation code: once the code is booked, or its hold has been
 * expired for an hour, nobody needs to know who held it. Idempotent, so every instance may run it at the same time.
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
        jdbc.sql("""
                        update invitation set hold_subject = null
                        where hold_subject is not null
                          and (booking_id is not null or hold_expires_at < now() - interval '1 hour')
                        """).update();
    }
}
