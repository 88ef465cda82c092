package de.impftermin.booking;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.notifications.CalendarFile;
import de.impftermin.notifications.Outbox;
import de.impftermin.notifications.OutgoingMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The confirmation and cancellation messages of a booking, written to the outbox in the booking's transaction: an
 * SMS to the phone, an e-mail (with the calendar file of every appointment) to the address.
 */
@Component
class BookingMessages {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy 'um' HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yy HH:mm", Locale.GERMAN);

    private final Outbox outbox;
    private final Centres centres;
    private final Clock clock;

    BookingMessages(Outbox outbox, Centres centres, Clock clock) {
        this.outbox = outbox;
        this.centres = centres;
        this.clock = clock;
    }

    void confirmed(BookingView booking) {
        Centre centre = centres.find(booking.centreId()).orElseThrow();
        String where = centre.name() + ", " + centre.address() + ", " + centre.postalCode();
        if (booking.contact().phone() != null) {
            String first = booking.appointments().isEmpty()
                    ? ""
                    : " 1. Termin "
                            + SHORT.format(booking.appointments().getFirst().startsAt());
            outbox.enqueue(OutgoingMessage.sms(
                    booking.contact().phone(),
                    "Impftermin bestätigt. Code " + booking.code() + "." + first + ", " + centre.name()
                            + ". Absagen: impftermin.de"));
        }
        if (booking.contact().email() != null) {
            StringBuilder body = new StringBuilder("Guten Tag,\n\nIhre Impftermine sind gebucht.\n\nBuchungscode: ")
                    .append(booking.code())
                    .append("\nOrt: ")
                    .append(where)
                    .append("\n\n");
            for (Appointment a : booking.appointments()) {
                PersonDetails person = booking.persons().get(a.person());
                body.append(person.firstName())
                        .append(' ')
                        .append(person.lastName())
                        .append(" – ")
                        .append(a.dose())
                        .append(". Impfung (")
                        .append(a.vaccine().displayName())
                        .append("): ")
                        .append(WHEN.format(a.startsAt()))
                        .append('\n');
            }
            body.append("\nBitte bringen Sie Ihren Personalausweis, Ihre Krankenversicherungskarte und, falls")
                    .append(" vorhanden, Ihren Impfpass mit.\nAbsagen oder umbuchen können Sie mit Buchungscode und")
                    .append(" Geburtsdatum.\n\nThe calendar file attached holds all appointments.\n");
            List<CalendarFile.Event> events = booking.appointments().stream()
                    .map(a -> new CalendarFile.Event(
                            booking.code() + "-" + a.person() + "-" + a.dose() + "@impftermin",
                            a.startsAt().toInstant(),
                            Duration.ofMinutes(30),
                            a.dose() + ". Impfung "
                                    + booking.persons().get(a.person()).firstName() + " ("
                                    + a.vaccine().displayName() + ")",
                            where,
                            "Buchungscode " + booking.code()))
                    .toList();
            outbox.enqueue(new OutgoingMessage(
                    de.impftermin.notifications.MessageChannel.EMAIL,
                    booking.contact().email(),
                    "Ihre Impftermine – Buchungscode " + booking.code(),
                    body.toString(),
                    new OutgoingMessage.Attachment(
                            "impftermine.ics",
                            "text/calendar; charset=UTF-8",
                            CalendarFile.of(events, clock.instant()))));
        }
    }

    void cancelled(BookingView booking) {
        String text = "Ihre Impftermine mit Buchungscode " + booking.code() + " sind abgesagt. "
                + "Your appointments with booking code " + booking.code() + " are cancelled.";
        if (booking.contact().phone() != null) {
            outbox.enqueue(OutgoingMessage.sms(booking.contact().phone(), text));
        }
        if (booking.contact().email() != null) {
            outbox.enqueue(
                    OutgoingMessage.email(booking.contact().email(), "Impftermine abgesagt – " + booking.code(), text));
        }
    }

    /**
     * A booking moved to new appointments: the new booking's confirmation (with its code and calendar file) tells
     * the person everything, so the old booking's cancellation is not sent separately.
     */
    void rebooked(BookingView old, BookingView booking) {
        confirmed(booking);
    }
}
