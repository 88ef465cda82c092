package de.impftermin.demo;

import de.impftermin.booking.Bookings;
import de.impftermin.centres.Centres;
import de.impftermin.inventory.Releases;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo region on the first start of the embedded database (no centres yet), all or nothing. */
@Component
@ConditionalOnExpression("${impftermin.demo-data:false} and '${spring.datasource.url:}'.isEmpty()")
class DemoDataLoader {

    private final Centres centres;
    private final DemoRegion region;
    private final TransactionTemplate transaction;

    DemoDataLoader(
            Centres centres, Releases releases, Bookings bookings, Clock clock, TransactionTemplate transaction) {
        this.centres = centres;
        this.region = new DemoRegion(centres, releases, bookings, clock);
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadIntoEmptyDatabase() {
        if (centres.all().isEmpty()) {
            transaction.executeWithoutResult(status -> region.load());
        }
    }
}
