package de.impftermin.hotline;

import java.time.Duration;

/**
 * The queue at a glance, for agents and the state office.
 *
 * @param waiting requests waiting for an agent (due or resting after a failed attempt)
 * @param calling requests an agent is calling now
 * @param oldestWait how long the oldest open request has been open ({@link Duration#ZERO} when none)
 * @param takenLastHour takes by agents in the last hour
 * @param completedLastHour outcomes recorded in the last hour
 * @param perHour the call-backs per hour the ETA assumes (measured, or the configured default)
 */
public record CallBackQueueStats(
        int waiting, int calling, Duration oldestWait, int takenLastHour, int completedLastHour, int perHour) {}
