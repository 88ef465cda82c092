package de.impftermin.booking;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.notifications.BookingNotice;
import de.impftermin.notifications.Notifications;
import de.impftermin.shared.StatedReason;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells the notifications module what happened to a booking, in the booking's transaction; the texts and their
 * languages live there ({@code notifications/messages*.properties}).
 */
@Component
class BookingMessages {

    private final Notifications notifications;
    private final Centres centres;

    BookingMessages(Notifications notifications, Centres centres) {
        this.notifications = notifications;
        this.centres = centres;
    }

    void confirmed(BookingView booking) {
        notifications.bookingConfirmed(notice(booking));
    }

    void cancelled(BookingView booking) {
        notifications.bookingCancelled(notice(booking));
    }

    /** Cancelled by the centre, for {@code reason}. */
    void cancelled(BookingView booking, StatedReason reason) {
        notifications.bookingCancelled(notice(booking), reason);
    }

    /**
     * A booking moved to new appointments ({@code booking}, with its own code and calendar file); the message names
     * the old booking's appointments as void, so no separate cancellation is sent for it.
     */
    void rebooked(BookingView old, BookingView booking) {
        notifications.bookingRebooked(notice(old), notice(booking));
    }

    /** Moved by the centre, for {@code reason}. */
    void rebooked(BookingView old, BookingView booking, StatedReason reason) {
        notifications.bookingRebooked(notice(old), notice(booking), reason);
    }

    /** A reminder of {@code appointments} (those of one day of the booking). */
    void reminder(BookingView booking, List<Appointment> appointments) {
        notifications.reminder(notice(booking, appointments));
    }

    byte[] calendarFile(BookingView booking) {
        return notifications.calendarFile(notice(booking));
    }

    private BookingNotice notice(BookingView booking) {
        return notice(booking, booking.appointments());
    }

    private BookingNotice notice(BookingView booking, List<Appointment> appointments) {
        Centre centre = centres.find(booking.centreId()).orElseThrow();
        List<BookingNotice.Visit> visits = appointments.stream()
                .map(a -> {
                    PersonDetails person = booking.persons().get(a.person());
                    return new BookingNotice.Visit(
                            a.person(),
                            person.firstName() + " " + person.lastName(),
                            a.dose(),
                            a.vaccine(),
                            a.startsAt().toInstant());
                })
                .toList();
        return new BookingNotice(
                booking.code(),
                booking.contact().language(),
                booking.contact().phone(),
                booking.contact().email(),
                new BookingNotice.Place(centre.name(), centre.address(), centre.postalCode()),
                visits);
    }
}
