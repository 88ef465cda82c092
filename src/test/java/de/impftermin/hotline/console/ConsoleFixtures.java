package de.impftermin.hotline.console;

import de.impftermin.booking.Appointment;
import de.impftermin.booking.BookingView;
import de.impftermin.booking.Contact;
import de.impftermin.booking.HoldView;
import de.impftermin.booking.PersonDetails;
import de.impftermin.centres.Centre;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Views the console's slices show: a couple's hold and booking at one centre in March 2022. */
final class ConsoleFixtures {

    static final Centre CENTRE =
            new Centre("dorsten", "Impfzentrum Dorsten", "Recklinghausen", "46282", "Altstadt 1", false, null);
    static final LocalDate ERNA_BORN = LocalDate.of(1941, 5, 3);
    static final LocalDate KARL_BORN = LocalDate.of(1940, 1, 2);
    static final OffsetDateTime FIRST = OffsetDateTime.parse("2022-03-10T09:00:00+01:00");
    static final OffsetDateTime SECOND = OffsetDateTime.parse("2022-03-31T09:00:00+02:00");

    private ConsoleFixtures() {}

    static HoldView coupleHold(UUID id) {
        var doses =
                List.of(new HoldView.DoseView(1, CENTRE.id(), FIRST), new HoldView.DoseView(2, CENTRE.id(), SECOND));
        return new HoldView(
                id,
                OffsetDateTime.parse("2022-03-01T09:10:00+01:00"),
                List.of(
                        new HoldView.SeriesView(Vaccine.COMIRNATY, doses),
                        new HoldView.SeriesView(Vaccine.COMIRNATY, doses)));
    }

    static BookingView coupleBooking(BookingView.Status status, @Nullable String phone) {
        return new BookingView(
                "K7QM-3XTA-9PLW",
                status,
                Channel.PHONE,
                CENTRE.id(),
                List.of(
                        new PersonDetails("Erna", "Muster", ERNA_BORN, "46282"),
                        new PersonDetails("Karl", "Muster", KARL_BORN, "46282")),
                List.of(
                        new Appointment(0, 1, CENTRE.id(), FIRST, Vaccine.COMIRNATY),
                        new Appointment(0, 2, CENTRE.id(), SECOND, Vaccine.COMIRNATY),
                        new Appointment(1, 1, CENTRE.id(), FIRST.plusMinutes(5), Vaccine.COMIRNATY),
                        new Appointment(1, 2, CENTRE.id(), SECOND.plusMinutes(5), Vaccine.COMIRNATY)),
                new Contact(phone, null),
                OffsetDateTime.parse("2022-03-01T09:01:00+01:00"));
    }
}
