package de.impftermin.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What operators watch of the waiting room on each instance: how long ago it last stepped the serving counter
 * ({@code impftermin.waiting-room.step.age}, seconds; normally under the 100 ms step, and an alarm above a second), the
 * rate in effect and how many wait.
 */
@Component
class WaitingRoomMetrics {

    WaitingRoomMetrics(WaitingRoom room, MeterRegistry meters) {
        Gauge.builder("impftermin.waiting-room.step.age", room, WaitingRoom::secondsSinceTick)
                .description("Seconds since this instance last stepped the serving counter")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder(
                        "impftermin.waiting-room.admitting-rate",
                        room,
                        r -> r.state().admittingRate())
                .description("Admission rate in effect, per second")
                .register(meters);
        Gauge.builder("impftermin.waiting-room.waiting", room, r -> r.state().waiting())
                .description("Tickets with a number that are not admitted yet")
                .register(meters);
    }
}
