package de.impftermin.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Measures, from the outbox itself, how long messages take to leave: the portal uses it to tell citizens that codes
 * are currently slow to arrive, operators see it as the gauges {@code impftermin.outbox.delay.p90},
 * {@code impftermin.outbox.oldest-unsent} (seconds, per channel) and {@code impftermin.outbox.dead}. Reading the
 * outbox rather than this instance's own sends makes the numbers the same on every instance; they are read at most
 * every two seconds and cost two index scans over the latest few thousand rows.
 */
@Service
public class DeliveryDelays {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MOST_RECENT = 5_000;
    private static final long REFRESH_NANOS = Duration.ofSeconds(2).toNanos();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration delayedAfter;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile @Nullable DeliveryStatus last;
    private volatile long lastNanos;

    DeliveryDelays(JdbcClient jdbc, Clock clock, OutboxSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.delayedAfter = settings.delayedAfter();
        for (MessageChannel channel : MessageChannel.values()) {
            Gauge.builder(
                            "impftermin.outbox.delay.p90",
                            this,
                            d -> seconds(d.current().of(channel).p90()))
                    .description("90th percentile of the delivery delay of the last 5 minutes, all instances")
                    .tag("channel", channel.name())
                    .baseUnit("seconds")
                    .register(meters);
            Gauge.builder(
                            "impftermin.outbox.oldest-unsent",
                            this,
                            d -> seconds(d.current().of(channel).oldestUnsent()))
                    .description("Age of the oldest message still to be sent")
                    .tag("channel", channel.name())
                    .baseUnit("seconds")
                    .register(meters);
        }
        Gauge.builder("impftermin.outbox.dead", this, d -> d.current().deadLetters())
                .description("Messages given up after too many failed attempts or a permanent refusal")
                .register(meters);
    }

    /** The delays as measured within the last two seconds. */
    public DeliveryStatus current() {
        DeliveryStatus status = last;
        if (status != null && System.nanoTime() - lastNanos < REFRESH_NANOS) {
            return status;
        }
        if (status != null && !refreshing.tryLock()) {
            return status; // another thread is reading the outbox right now
        }
        if (status == null) {
            refreshing.lock();
        }
        try {
            DeliveryStatus latest = last;
            if (latest == null || System.nanoTime() - lastNanos >= REFRESH_NANOS) {
                latest = measure();
                last = latest;
                lastNanos = System.nanoTime();
            }
            return latest;
        } finally {
            refreshing.unlock();
        }
    }

    /** Reads the outbox now, bypassing the two-second cache. */
    DeliveryStatus measure() {
        Map<MessageChannel, DeliveryStatus.ChannelDelay> channels = new EnumMap<>(MessageChannel.class);
        Map<MessageChannel, Duration> oldest = oldestUnsent();
        Map<MessageChannel, Recent> recent = recent();
        for (MessageChannel channel : MessageChannel.values()) {
            Recent r = recent.getOrDefault(channel, new Recent(0, Duration.ZERO));
            Duration age = oldest.getOrDefault(channel, Duration.ZERO);
            channels.put(
                    channel,
                    new DeliveryStatus.ChannelDelay(
                            r.messages(),
                            r.p90(),
                            age,
                            r.messages() > 0 && r.p90().compareTo(delayedAfter) >= 0));
        }
        long dead = jdbc.sql("select count(*) from outbox_message where dead_at is not null")
                .query(Long.class)
                .single();
        return new DeliveryStatus(clock.instant(), WINDOW, channels, dead);
    }

    private record Recent(long messages, Duration p90) {}

    private Map<MessageChannel, Recent> recent() {
        Map<MessageChannel, Recent> recent = new EnumMap<>(MessageChannel.class);
        jdbc.sql("""
                        select channel, count(*),
                               percentile_cont(0.9) within group (
                                   order by extract(epoch from coalesce(sent_at, dead_at, clock_timestamp()) - created_at))
                        from (select channel, created_at, sent_at, dead_at from outbox_message
                              order by id desc limit :most) latest
                        where created_at > clock_timestamp() - make_interval(secs => :window)
                        group by channel
                        """)
                .param("most", MOST_RECENT)
                .param("window", WINDOW.toSeconds())
                .query(rs -> {
                    recent.put(
                            MessageChannel.valueOf(rs.getString(1)),
                            new Recent(rs.getLong(2), duration(rs.getDouble(3))));
                });
        return recent;
    }

    private Map<MessageChannel, Duration> oldestUnsent() {
        Map<MessageChannel, Duration> oldest = new EnumMap<>(MessageChannel.class);
        for (MessageChannel channel : MessageChannel.values()) {
            jdbc.sql("""
                            select extract(epoch from clock_timestamp() - min(created_at)) from outbox_message
                            where channel = ? and sent_at is null and dead_at is null
                            """).param(channel.name()).query(rs -> {
                double seconds = rs.getDouble(1);
                if (!rs.wasNull()) {
                    oldest.put(channel, duration(seconds));
                }
            });
        }
        return oldest;
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.max(0, Math.round(seconds * 1e9)));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
