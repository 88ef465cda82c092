package de.impftermin.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How quickly messages are leaving right now, over all instances (read from the outbox).
 *
 * @param measuredAt when the numbers were read
 * @param window how far back {@code p90} looks (the most recent messages within it, at most a few thousand)
 * @param channels per channel; every channel is present, with zeros where nothing was sent
 * @param deadLetters messages given up for good, in all time
 */
public record DeliveryStatus(
        Instant measuredAt, Duration window, Map<MessageChannel, ChannelDelay> channels, long deadLetters) {

    public DeliveryStatus {
        channels = Map.copyOf(channels);
    }

    /**
     * One channel's delivery delay.
     *
     * @param messages how many messages were enqueued in the window
     * @param p90 the 90th percentile of their delay from enqueue to hand-over to the gateway; a message not sent yet
     *     counts with its age so far, so a gateway that has stopped shows as a growing delay; a dead letter with the
     *     time until it was given up
     * @param oldestUnsent the age of the oldest message still to be sent (also one waiting for a retry), zero if none
     * @param delayed whether citizens should be told that messages currently take longer
     */
    public record ChannelDelay(long messages, Duration p90, Duration oldestUnsent, boolean delayed) {

        static final ChannelDelay NONE = new ChannelDelay(0, Duration.ZERO, Duration.ZERO, false);
    }

    public ChannelDelay of(MessageChannel channel) {
        return channels.getOrDefault(channel, ChannelDelay.NONE);
    }

    /** Whether messages of this channel currently take longer than usual. */
    public boolean delayed(MessageChannel channel) {
        return of(channel).delayed();
    }

    /** Whether messages of any channel currently take longer than usual. */
    public boolean delayed() {
        return channels.values().stream().anyMatch(ChannelDelay::delayed);
    }
}
