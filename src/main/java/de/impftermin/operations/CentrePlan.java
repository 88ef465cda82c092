package de.impftermin.operations;

import de.impftermin.booking.Bookings;
import de.impftermin.centres.Centres;
import de.impftermin.centres.Delivery;
import de.impftermin.centres.OpeningDay;
import de.impftermin.inventory.Releases;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.CentreAccess;
import de.impftermin.shared.Vaccine;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning a centre's weeks from the console: the opening days of a week with seats, booked and free, and the dose
 * ledger per vaccine in plain words (delivered, promised to released series, left). Adding an opening day or a
 * delivery goes through the centres module and is audited.
 */
@Service
public class CentrePlan {

    /** One day of the week: closed ({@code opening} empty) or open with its seats and how many are booked. */
    public record WeekDay(LocalDate date, Optional<OpeningDay> opening, int booked) {
        public int seats() {
            return opening.map(OpeningDay::seats).orElse(0);
        }

        public int free() {
            return Math.max(0, seats() - booked);
        }
    }

    /** The ledger of one vaccine. */
    public record Ledger(Vaccine vaccine, long delivered, long promised) {
        public long left() {
            return delivered - promised;
        }
    }

    private final Centres centres;
    private final Releases releases;
    private final Bookings bookings;
    private final AuditLog audit;

    CentrePlan(Centres centres, Releases releases, Bookings bookings, AuditLog audit) {
        this.centres = centres;
        this.releases = releases;
        this.bookings = bookings;
        this.audit = audit;
    }

    /** Monday to Sunday of the week that holds {@code anyDay}. */
    @Transactional(readOnly = true)
    public List<WeekDay> week(String centreId, LocalDate anyDay) {
        CentreAccess.require(centreId);
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        Map<LocalDate, OpeningDay> open =
                centres.openingDays(centreId).stream().collect(Collectors.toMap(OpeningDay::date, Function.identity()));
        List<WeekDay> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            OpeningDay opening = open.get(d);
            int booked =
                    opening == null ? 0 : bookings.appointmentsOn(centreId, d).size();
            days.add(new WeekDay(d, Optional.ofNullable(opening), booked));
        }
        return days;
    }

    @Transactional(readOnly = true)
    public List<Ledger> ledger(String centreId) {
        CentreAccess.require(centreId);
        List<Delivery> deliveries = centres.deliveries(centreId);
        List<Ledger> ledger = new ArrayList<>();
        for (Vaccine v : Vaccine.values()) {
            long delivered = deliveries.stream()
                    .filter(d -> d.vaccine() == v)
                    .mapToLong(Delivery::doses)
                    .sum();
            long promised = releases.dosesPromised(centreId, v);
            if (delivered > 0 || promised > 0) {
                ledger.add(new Ledger(v, delivered, promised));
            }
        }
        return ledger;
    }

    @Transactional
    public OpeningDay addOpeningDay(OpeningDay day) {
        CentreAccess.require(day.centreId());
        OpeningDay added = centres.addOpeningDay(day);
        audit.record(
                "OPENING_DAY_ADDED",
                "centre:" + day.centreId() + ":" + day.date(),
                day.opens() + "-" + day.closes() + ", " + day.lanes() + " lanes, " + day.slotMinutes() + " min");
        return added;
    }

    @Transactional
    public Delivery addDelivery(String centreId, Vaccine vaccine, int doses, LocalDate arrives) {
        CentreAccess.require(centreId);
        Delivery delivery = centres.addDelivery(centreId, vaccine, doses, arrives);
        audit.record("DELIVERY_ADDED", "centre:" + centreId, doses + " " + vaccine.id() + " arriving " + arrives);
        return delivery;
    }
}
