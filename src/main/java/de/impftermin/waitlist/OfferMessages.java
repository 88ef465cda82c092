package de.impftermin.waitlist;

import de.impftermin.booking.PersonDetails;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.inventory.Hold;
import de.impftermin.inventory.Series;
import de.impftermin.notifications.BookingNotice;
import de.impftermin.notifications.Notifications;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the notifications module about offers and ended registrations, in the caller's transaction. */
@Component
class OfferMessages {

    private final Notifications notifications;
    private final Centres centres;
    private final WaitlistProperties properties;

    OfferMessages(Notifications notifications, Centres centres, WaitlistProperties properties) {
        this.notifications = notifications;
        this.centres = centres;
        this.properties = properties;
    }

    /** The link that shows and answers the offer; its token is the proof. */
    String link(Entry entry, String token) {
        return properties.linkBase() + "/warteliste/" + entry.id() + "?t=" + token;
    }

    void offered(Entry entry, String link, Hold hold) {
        Centre centre = centres.find(hold.centreId()).orElseThrow();
        List<BookingNotice.Visit> visits = new ArrayList<>();
        for (int i = 0; i < hold.series().size(); i++) {
            Series series = hold.series().get(i);
            PersonDetails person = entry.persons().get(i);
            String name = person.firstName() + " " + person.lastName();
            visits.add(new BookingNotice.Visit(i, name, 1, series.vaccine(), series.firstStartsAt()));
            if (series.secondStartsAt() != null) {
                visits.add(new BookingNotice.Visit(i, name, 2, series.vaccine(), series.secondStartsAt()));
            }
        }
        notifications.waitlistOffer(
                entry.contact().language(),
                entry.contact().phone(),
                entry.contact().email(),
                link,
                hold.expiresAt(),
                new BookingNotice.Place(centre.name(), centre.address(), centre.postalCode()),
                visits);
    }

    void ended(Entry entry, int missed) {
        notifications.waitlistEnded(
                entry.contact().language(),
                entry.contact().phone(),
                entry.contact().email(),
                missed);
    }
}
