package de.impftermin.inventory;

import de.impftermin.centres.OpeningDay;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A centre's seats when an opening day changes. Seats are identified by start time and lane, so a day that closes
 * earlier, has fewer lanes or another slot length loses the seats outside its new grid and gains the new ones.
 */
@Service
public class Capacity {

    private final SeatRepository seats;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Capacity(SeatRepository seats, ApplicationEventPublisher events, Clock clock) {
        this.seats = seats;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives the day the seats of {@code changed}, in the caller's transaction, which must hold the centre's row lock
     * (so no release pairs the day's seats meanwhile). The pairs on removed seats are locked first (a claim in flight
     * finishes before, a later claim skips them); if one is booked or held, nothing is written and the answer says
     * which. Otherwise those series leave their releases (their other seat is free again, their doses are back in the
     * ledger), the removed seats are deleted and the new ones created.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DayReshape reshape(OpeningDay changed) {
        List<Long> removed = seats.outsideGrid(changed);
        List<SeatRepository.PairOnSeat> pairs = seats.lockPairsOn(changed.centreId(), removed);
        var now = clock.instant();
        List<Long> booked = pairs.stream()
                .filter(SeatRepository.PairOnSeat::booked)
                .map(SeatRepository.PairOnSeat::pairId)
                .toList();
        int held =
                (int) pairs.stream().filter(p -> !p.booked() && p.heldAt(now)).count();
        if (!booked.isEmpty() || held > 0) {
            return new DayReshape.Refused(booked, held);
        }
        int withdrawn = seats.withdrawPairs(
                changed.centreId(),
                pairs.stream().mapToLong(SeatRepository.PairOnSeat::pairId).toArray(),
                now);
        int deleted = seats.delete(changed.centreId(), removed);
        int added = seats.fillGrid(changed);
        events.publishEvent(new InventoryChanged(changed.centreId()));
        return new DayReshape.Reshaped(added, deleted, withdrawn);
    }
}
