package de.impftermin.booking;

import de.impftermin.booking.domain.BookingCode;
import de.impftermin.shared.BerlinTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder the day before each appointment. From {@code impftermin.reminders.send-from} (default 09:00, Berlin
 * time) the job claims the appointments of the next Berlin day, whatever its length across a daylight-saving change,
 * and enqueues one reminder per booking in the same transaction: a reminder is claimed exactly when its message
 * exists, so several instances never send one twice and a crash loses none. Bookings made today get no reminder for
 * tomorrow: their confirmation has only just arrived.
 */
@Component
class Reminders {

    static final int BATCH = 100;

    private final BookingRepository repository;
    private final BookingMessages messages;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final LocalTime sendFrom;
    private final boolean enabled;

    Reminders(
            BookingRepository repository,
            BookingMessages messages,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${impftermin.reminders.send-from:09:00}") LocalTime sendFrom,
            @Value("${impftermin.reminders.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.sendFrom = sendFrom;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelayString = "${impftermin.reminders.poll:5m}",
            initialDelayString = "${impftermin.reminders.poll:5m}")
    void remind() {
        if (enabled) {
            remindDue(clock.instant());
        }
    }

    /** Sends the reminders due at {@code now}; returns how many bookings were reminded. */
    int remindDue(Instant now) {
        if (BerlinTime.timeOf(now).isBefore(sendFrom)) {
            return 0;
        }
        LocalDate today = BerlinTime.dayOf(now);
        Instant from = BerlinTime.at(today.plusDays(1), LocalTime.MIDNIGHT);
        Instant to = BerlinTime.at(today.plusDays(2), LocalTime.MIDNIGHT);
        Instant bookedBefore = BerlinTime.at(today, LocalTime.MIDNIGHT);
        int reminded = 0;
        int claimed;
        do {
            claimed = Objects.requireNonNull(transaction.execute(status -> remindBatch(from, to, bookedBefore)));
            reminded += claimed;
        } while (claimed == BATCH);
        return reminded;
    }

    private int remindBatch(Instant from, Instant to, Instant bookedBefore) {
        Map<String, Set<String>> appointmentsByBooking =
                repository.claimReminders(from, to, bookedBefore, BATCH).stream()
                        .collect(Collectors.groupingBy(
                                BookingRepository.ClaimedReminder::code,
                                LinkedHashMap::new,
                                Collectors.mapping(c -> c.person() + "/" + c.dose(), Collectors.toSet())));
        appointmentsByBooking.forEach((code, claimed) -> {
            BookingView booking = repository.find(new BookingCode(code)).orElseThrow();
            List<Appointment> tomorrow = booking.appointments().stream()
                    .filter(a -> claimed.contains(a.person() + "/" + a.dose()))
                    .toList();
            messages.reminder(booking, tomorrow);
        });
        return appointmentsByBooking.size();
    }
}
