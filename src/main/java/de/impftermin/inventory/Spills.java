package de.impftermin.inventory;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone contingent's spill: from a release's {@code spillAt} on, its unbooked PHONE (or INVITATION) series are ONLINE. Every
 * instance runs the job every second; the spill itself is claimed by one guarded update ({@code spilled_at is null and
 * spill_at <= now}), so it happens exactly once however many instances race for it ({@link ReleaseSpilled} is
 * published once). The same job then moves every unbooked, unheld PHONE pair of a spilled release to ONLINE: an
 * idempotent statement that also catches pairs freed after the spill (an expired hold, a cancellation). Held and
 * booked pairs are left as they are. Holds offer a spilled release online from {@code spillAt} on already
 * ({@link Release#offers}); the centre list and the feed follow within a second of the job.
 */
@Service
public class Spills {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Spills(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${impftermin.inventory.spill-interval:1s}", initialDelayString = "1s")
    void spillDue() {
        spill(clock.instant());
    }

    /** Spills what is due at {@code now}; answers the releases this call claimed (empty where another did). */
    @Transactional
    public List<ReleaseSpilled> spill(Instant now) {
        List<ReleaseSpilled> claimed = jdbc.sql("""
                        update release set spilled_at = :now
                        where spill_at <= :now and spilled_at is null
                        returning id, centre_id
                        """)
                .param("now", utc(now))
                .query((rs, n) -> new ReleaseSpilled(rs.getLong(1), rs.getString(2), now))
                .list();
        List<String> moved =
                jdbc.sql("""
                        update appointment_pair p set channel = 'ONLINE'
                        from release r
                        where r.spilled_at is not null and p.release_id = r.id and p.centre_id = r.centre_id
                          and p.channel in ('PHONE', 'INVITATION') and p.booking_id is null
                          and (p.hold_expires_at is null or p.hold_expires_at <= :now)
                        returning p.centre_id
                        """).param("now", utc(now)).query(String.class).list();
        claimed.forEach(events::publishEvent);
        Set<String> centres = new LinkedHashSet<>(moved);
        claimed.forEach(spilled -> centres.add(spilled.centreId()));
        centres.forEach(centre -> events.publishEvent(new InventoryChanged(centre)));
        return claimed;
    }
}
