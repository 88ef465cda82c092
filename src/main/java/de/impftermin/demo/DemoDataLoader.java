package de.impftermin.demo;

import de.impftermin.booking.Bookings;
import de.impftermin.centres.Centres;
import de.impftermin.inventory.Releases;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo region on the first start of the embedded database (no centres yet), all or nothing, before the web
 * server opens its port: the first page anyone sees lists the region, and the readiness probe says ready only then.
 * (Loaded after the start, the centre list stayed empty for 18 s while the app already answered.)
 */
@Component
@ConditionalOnExpression("${impftermin.demo-data:false} and '${spring.datasource.url:}'.isEmpty()")
class DemoDataLoader implements SmartLifecycle {

    /** Before the web server, which starts in one of the last phases. */
    private static final int BEFORE_THE_WEB_SERVER = 0;

    private final Centres centres;
    private final DemoRegion region;
    private final TransactionTemplate transaction;
    private volatile boolean running;

    DemoDataLoader(
            Centres centres, Releases releases, Bookings bookings, Clock clock, TransactionTemplate transaction) {
        this.centres = centres;
        this.region = new DemoRegion(centres, releases, bookings, clock);
        this.transaction = transaction;
    }

    @Override
    public void start() {
        if (centres.all().isEmpty()) {
            transaction.executeWithoutResult(status -> region.load());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return BEFORE_THE_WEB_SERVER;
    }
}
