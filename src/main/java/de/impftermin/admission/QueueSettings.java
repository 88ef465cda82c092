package de.impftermin.admission;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What operators see of a queue: the admission rate, how many wait, the serving counter and the pre-queue.
 *
 * @param ratePerSecond the rate the operator set: the ceiling of an adaptive queue
 * @param admittingRatePerSecond the rate in effect, at which the serving counter advances right now
 * @param adaptive whether the rate in effect follows the booking path's pressure
 * @param waiting tickets with a number that are not admitted yet
 * @param prequeueOpensAt the opening instant of the current pre-queue, if any
 * @param soldOut whether nothing is left to book for those waiting (they are told so)
 */
public record QueueSettings(
        String queue,
        double ratePerSecond,
        double admittingRatePerSecond,
        boolean adaptive,
        long issued,
        long served,
        long waiting,
        @Nullable OffsetDateTime prequeueOpensAt,
        @Nullable Long prequeueSize,
        boolean soldOut) {}
