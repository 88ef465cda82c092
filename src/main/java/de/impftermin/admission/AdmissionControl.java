package de.impftermin.admission;

import de.impftermin.admission.domain.AdmissionRate;
import de.impftermin.admission.domain.AdmissionRate.Adjustment;
import de.impftermin.admission.domain.QueueState;
import de.impftermin.platform.BookingPressure;
import de.impftermin.platform.BookingPressure.Pressure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an adaptive queue's rate in effect at what the booking path manages. Every {@code adapt-every} each instance
 * looks at the pressure on its own booking path since it last looked and applies {@link AdmissionRate#next}. Several
 * instances share the rate: each change is one guarded update that only succeeds on the rate the decision was made
 * on, a decrease at most once per {@link AdmissionRate#DECREASE_SPACING} and an increase at most once per interval
 * over all instances, so that two instances seeing the same rush lower the rate once, not twice. Whether the rate is
 * used is judged on the booking requests of all instances, which each adds to the shared row as it looks.
 */
@Component
class AdmissionControl {

    private final WaitingRoom room;
    private final WaitingRoomRepository repository;
    private final BookingPressure pressure;
    private final Clock clock;
    private final WaitingRoomProperties properties;
    private Pressure seen;
    private Instant seenAt;
    /** The count of booking-path requests of all instances at the last look; -1 before the first. */
    private long seenEverywhere = -1;

    AdmissionControl(
            WaitingRoom room,
            WaitingRoomRepository repository,
            BookingPressure pressure,
            Clock clock,
            WaitingRoomProperties properties) {
        this.room = room;
        this.repository = repository;
        this.pressure = pressure;
        this.clock = clock;
        this.properties = properties;
        this.seen = pressure.totals();
        this.seenAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * One look at the pressure since the last one and, if the rule says so and no other instance was quicker, one
     * change of the rate in effect.
     *
     * @return whether this instance changed the rate
     */
    @Scheduled(fixedDelayString = "${impftermin.waiting-room.adapt-every:1s}")
    boolean adapt() {
        Pressure totals = pressure.totals();
        Pressure since = totals.minus(seen);
        seen = totals;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        double seconds = Duration.between(seenAt, now).toNanos() / 1e9;
        seenAt = now;
        QueueState state = room.state();
        if (!state.adaptive()) {
            return false;
        }
        boolean slowStart = state.rising();
        long everywhere = repository.addBookingRequests(state.name(), since.passed() + since.delayed());
        long servedEverywhere = seenEverywhere < 0 ? since.passed() + since.delayed() : everywhere - seenEverywhere;
        seenEverywhere = everywhere;
        boolean changed = switch (state.admission()
                .next(since, room.waitingForTheCounter(), slowStart, seconds, servedEverywhere)) {
            case Adjustment.Decrease d ->
                repository.decrease(state.name(), state.admittingRate(), d.to(), now, AdmissionRate.DECREASE_SPACING);
            case Adjustment.Increase i ->
                repository.increase(
                        state.name(),
                        state.admittingRate(),
                        i.to(),
                        now,
                        // after congestion, wait for the admitted people to show up before raising again
                        slowStart ? properties.adaptEvery() : AdmissionRate.DECREASE_SPACING);
            case Adjustment.Keep k -> false;
        };
        if (slowStart && !changed && AdmissionRate.congested(since)) {
            // congested at a rate that does not go lower (the floor, or already under what the path books): the slow
            // start ends all the same, or the ETA would go on assuming a doubling rate and everyone would poll
            // every second
            repository.endSlowStart(state.name(), now);
        }
        return changed;
    }
}
