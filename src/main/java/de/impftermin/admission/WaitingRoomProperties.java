package de.impftermin.admission;

import de.impftermin.admission.domain.AdmissionRate;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code impftermin.waiting-room.*}: the admission rate a fresh queue starts with (operators change it at run time),
 * how long an admission pass and a ticket stay valid, and how often each instance steps the shared counter.
 *
 * @param adaptive whether a new queue adapts its rate in effect to the booking path (operators switch it per queue)
 * @param initialRate where an adaptive queue's rate in effect starts whenever an operator sets the rate or opens a
 *     pre-queue: a slow start, because opening at thousands per second would admit thousands into {@code 503}s before
 *     the first of them reaches the booking path and shows the pressure
 * @param adaptEvery how often each instance looks at its booking pressure and may change the rate in effect
 */
@ConfigurationProperties("impftermin.waiting-room")
public record WaitingRoomProperties(
        @DefaultValue("300") double rate,
        @DefaultValue("15m") Duration passValidity,
        @DefaultValue("12h") Duration ticketValidity,
        @DefaultValue("100ms") Duration step,
        @DefaultValue("true") boolean adaptive,
        @DefaultValue("50") double initialRate,
        @DefaultValue("1s") Duration adaptEvery) {

    /** The rate in effect right after an operator set {@code ceiling}. */
    AdmissionRate starting(double ceiling, boolean adaptive) {
        return AdmissionRate.starting(ceiling, initialRate, adaptive);
    }
}
