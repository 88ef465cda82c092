package de.impftermin.booking;

import de.impftermin.shared.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code impftermin.bookings} by {@code event} (confirmed, cancelled, rebooked) and {@code channel}: the bookings the
 * platform committed, counted after the commit so that a rolled-back group commit counts nothing.
 */
@Component
class BookingMetrics {

    private final Map<Channel, Counter> confirmed = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> cancelled = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> rebooked = new EnumMap<>(Channel.class);

    BookingMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            confirmed.put(channel, counter(registry, "confirmed", channel));
            cancelled.put(channel, counter(registry, "cancelled", channel));
            rebooked.put(channel, counter(registry, "rebooked", channel));
        }
    }

    void confirmed(BookingView booking) {
        afterCommit(confirmed.get(booking.channel()));
    }

    void cancelled(BookingView booking) {
        afterCommit(cancelled.get(booking.channel()));
    }

    void rebooked(BookingView booking) {
        afterCommit(rebooked.get(booking.channel()));
    }

    private static Counter counter(MeterRegistry registry, String event, Channel channel) {
        return Counter.builder("impftermin.bookings")
                .description("Bookings committed, by what happened to them and the channel they were made through")
                .tag("event", event)
                .tag("channel", channel.name())
                .register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
