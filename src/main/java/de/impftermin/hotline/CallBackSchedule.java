package de.impftermin.hotline;

import de.impftermin.hotline.domain.CallBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When a caller can expect the call: the position in the queue divided by the call-backs per hour measured over the
 * last hour (outcomes recorded), or the configured default while too few were measured to trust, and never before the
 * request is due again.
 */
@Component
class CallBackSchedule {

    private static final Duration HOUR = Duration.ofHours(1);

    private final CallBackRepository repository;
    private final CallBackSettings settings;
    private final Clock clock;

    CallBackSchedule(CallBackRepository repository, CallBackSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    CallBackSettings settings() {
        return settings;
    }

    CallBack.RetryPolicy retryPolicy() {
        return new CallBack.RetryPolicy(settings.maxAttempts(), settings.retryDelay());
    }

    CallBackView view(CallBackRepository.Stored stored) {
        CallBack callBack = stored.callBack();
        Instant now = now();
        if (callBack.status() != CallBack.Status.QUEUED) {
            return new CallBackView(
                    callBack.id(),
                    callBack.status().name(),
                    0,
                    callBack.status() == CallBack.Status.CALLING ? now : null,
                    callBack.postalCode(),
                    callBack.persons(),
                    callBack.outcome());
        }
        int position = repository.position(stored);
        Instant byRate = now.plus(HOUR.multipliedBy(position - 1).dividedBy(perHour(now)));
        Instant expected = byRate.isBefore(callBack.dueAt()) ? callBack.dueAt() : byRate;
        return new CallBackView(
                callBack.id(),
                callBack.status().name(),
                position,
                expected,
                callBack.postalCode(),
                callBack.persons(),
                callBack.outcome());
    }

    CallBackQueueStats stats() {
        Instant now = now();
        CallBackRepository.Counts counts = repository.counts(now);
        return new CallBackQueueStats(
                counts.waiting(),
                counts.calling(),
                counts.oldestWait(),
                counts.taken(),
                counts.completed(),
                rate(counts.completed()));
    }

    private int perHour(Instant now) {
        return rate(repository.completedSince(now.minus(HOUR)));
    }

    private int rate(int completedLastHour) {
        return Math.max(1, completedLastHour >= settings.minMeasured() ? completedLastHour : settings.defaultPerHour());
    }
}
