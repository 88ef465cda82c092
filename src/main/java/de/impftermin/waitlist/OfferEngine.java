package de.impftermin.waitlist;

import de.impftermin.waitlist.domain.Offer;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The offer engine, run every {@code impftermin.waitlist.engine-interval} (1 s) on every instance: first the offers
 * past their deadline are ended (their series are free), then rounds of offers are made until one makes none. A
 * series freed by a cancellation, an expired hold or a declined offer is thus offered within one interval plus one
 * run (about 1–2 s; the API promises 5 s).
 */
@Component
public class OfferEngine {

    private static final Logger log = LoggerFactory.getLogger(OfferEngine.class);
    private static final Consumer<Offer> NOTHING = offer -> {};

    private final Waitlist waitlist;
    private final OfferRound round;
    private final WaitlistRepository repository;
    private final WaitlistProperties properties;

    OfferEngine(Waitlist waitlist, OfferRound round, WaitlistRepository repository, WaitlistProperties properties) {
        this.waitlist = waitlist;
        this.round = round;
        this.repository = repository;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${impftermin.waitlist.engine-interval:1s}",
            initialDelayString = "${impftermin.waitlist.engine-interval:1s}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Waitlist engine run failed; the next run retries", e);
        }
    }

    /** One run: expired offers ended, then offers made until nothing more fits. @return the offers made */
    public int run() {
        return run(properties.offerDuration(), NOTHING);
    }

    int run(Duration offerDuration, Consumer<Offer> beforeMessage) {
        while (waitlist.expireOffers() > 0) {
            // ended in batches; the freed series are offered below
        }
        int offers = 0;
        // centre by centre, so that series nobody waiting can take at one centre never crowd out another's
        for (String centreId : repository.wantedCentres()) {
            int made;
            do {
                made = round.run(centreId, offerDuration, beforeMessage);
                offers += made;
            } while (made > 0);
        }
        return offers;
    }
}
