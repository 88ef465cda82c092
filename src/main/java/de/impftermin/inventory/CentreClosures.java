package de.impftermin.inventory;

import de.impftermin.centres.CentreClosed;
import de.impftermin.centres.CentreReopened;
import de.impftermin.centres.Centres;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A closed centre sells nothing: when the office closes it, its unbooked series go to a closure in the closing
 * transaction (the same never-expiring hold a cancelled day uses), so every claim (citizens, hotline, waitlist engine)
 * skips them, the centre list counts none free, and bookings stay as they are. A series a cancellation frees later at
 * a closed centre goes back to the closure at once. Reopening gives the closure's series back.
 */
@Component
class CentreClosures {

    private final PairRepository pairs;
    private final Centres centres;
    private final ApplicationEventPublisher events;

    CentreClosures(PairRepository pairs, Centres centres, ApplicationEventPublisher events) {
        this.pairs = pairs;
        this.centres = centres;
        this.events = events;
    }

    /** The closure's id: one per centre, the same on every instance. */
    static UUID closure(String centreId) {
        return UUID.nameUUIDFromBytes(("centre-closed:" + centreId).getBytes(StandardCharsets.UTF_8));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void closed(CentreClosed event) {
        pairs.closeCentre(event.centreId(), closure(event.centreId()));
        events.publishEvent(new InventoryChanged(event.centreId()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void reopened(CentreReopened event) {
        pairs.reopenCentre(event.centreId(), closure(event.centreId()));
        events.publishEvent(new InventoryChanged(event.centreId()));
    }

    /** After pairs were freed at a centre: if it is closed, they go to its closure instead of on sale. */
    @Transactional(propagation = Propagation.MANDATORY)
    void keepClosed(String centreId) {
        if (centres.find(centreId).filter(c -> c.closed()).isPresent()) {
            pairs.closeCentre(centreId, closure(centreId));
        }
    }
}
