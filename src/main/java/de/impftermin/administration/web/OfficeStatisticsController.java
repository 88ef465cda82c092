package de.impftermin.administration.web;

import de.impftermin.admission.WaitingRoom;
import de.impftermin.booking.BookingStatistics;
import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.hotline.CallBacks;
import de.impftermin.inventory.SeriesStatistics;
import de.impftermin.notifications.DeliveryDelays;
import de.impftermin.notifications.MessageChannel;
import de.impftermin.operations.VisitStatistics;
import de.impftermin.shared.BerlinTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The region at a glance for the state office: bookings and cancellations per hour over the last 24 hours (an SVG
 * chart, the same numbers in a table, and as CSV), series free, held and booked per centre from today on, the
 * call-back queue, the waiting room, how long SMS and e-mail take, and the doses delivered, released and administered
 * per centre (chart, table and CSV). Every number is one cheap aggregate read by the
 * module that owns it; nothing here locks a row of the booking path.
 */
@Controller
class OfficeStatisticsController {

    static final String PAGE = "/staff/office/statistics";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd'.'MM'.'");

    /** One hour as the page shows it. */
    record HourRow(String label, String from, long booked, long cancelled) {}

    /** One day as the page shows it. */
    record DayRow(String label, String date, long booked, long cancelled) {}

    /** One centre's series, with its name. */
    record CentreRow(String id, String name, long free, long held, long booked, int bookedPercent) {}

    /** One centre's marked appointments of the last 14 days, with its name. */
    record VisitRow(String id, String name, long vaccinated, long noShows, long checkedIn, int noShowPercent) {}

    /** One centre's doses: arrived, promised to released series, marked vaccinated. */
    record DoseRow(String id, String name, long delivered, long released, long administered) {}

    private final BookingStatistics bookings;
    private final SeriesStatistics series;
    private final VisitStatistics visits;
    private final Centres centres;
    private final CallBacks callBacks;
    private final WaitingRoom waitingRoom;
    private final DeliveryDelays delays;
    private final Clock clock;

    OfficeStatisticsController(
            BookingStatistics bookings,
            SeriesStatistics series,
            VisitStatistics visits,
            Centres centres,
            CallBacks callBacks,
            WaitingRoom waitingRoom,
            DeliveryDelays delays,
            Clock clock) {
        this.bookings = bookings;
        this.series = series;
        this.visits = visits;
        this.centres = centres;
        this.callBacks = callBacks;
        this.waitingRoom = waitingRoom;
        this.delays = delays;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        List<HourRow> hours = lastDay();
        model.addAttribute("hours", hours);
        model.addAttribute(
                "bookedTotal", hours.stream().mapToLong(HourRow::booked).sum());
        model.addAttribute(
                "cancelledTotal", hours.stream().mapToLong(HourRow::cancelled).sum());
        model.addAttribute(
                "chart",
                BarChart.of(
                        hours.stream().map(HourRow::label).toList(),
                        hours.stream().map(HourRow::booked).toList(),
                        3));
        List<DayRow> days = lastTwoWeeks();
        model.addAttribute("days", days);
        model.addAttribute(
                "dayChart",
                BarChart.of(
                        days.stream().map(DayRow::label).toList(),
                        days.stream().map(DayRow::booked).toList(),
                        2));
        model.addAttribute("centres", centreRows());
        model.addAttribute("visits", visitRows());
        List<DoseRow> doses = doseRows();
        model.addAttribute("doses", doses);
        model.addAttribute(
                "delivered", doses.stream().mapToLong(DoseRow::delivered).sum());
        model.addAttribute(
                "released", doses.stream().mapToLong(DoseRow::released).sum());
        model.addAttribute(
                "administered", doses.stream().mapToLong(DoseRow::administered).sum());
        model.addAttribute(
                "doseChart",
                GroupedBarChart.of(
                        doses.stream().map(d -> shortened(d.name())).toList(),
                        doses.stream()
                                .map(d -> List.of(d.delivered(), d.released(), d.administered()))
                                .toList()));
        model.addAttribute("callBacks", callBacks.stats());
        model.addAttribute("waitingRoom", waitingRoom.settings());
        var delivery = delays.current();
        model.addAttribute("smsP90", seconds(delivery.of(MessageChannel.SMS).p90()));
        model.addAttribute("emailP90", seconds(delivery.of(MessageChannel.EMAIL).p90()));
        model.addAttribute("smsMessages", delivery.of(MessageChannel.SMS).messages());
        model.addAttribute("emailMessages", delivery.of(MessageChannel.EMAIL).messages());
        return "office/statistics";
    }

    @GetMapping(PAGE + "/bookings-per-hour")
    ResponseEntity<byte[]> bookingsPerHour() {
        List<List<String>> rows = lastDay().stream()
                .map(h -> List.of(h.from(), Long.toString(h.booked()), Long.toString(h.cancelled())))
                .toList();
        return Csv.download("bookings-per-hour.csv", List.of("hour", "booked", "cancelled"), rows);
    }

    @GetMapping(PAGE + "/series-per-centre")
    ResponseEntity<byte[]> seriesPerCentre() {
        List<List<String>> rows = centreRows().stream()
                .map(c -> List.of(
                        c.id(), c.name(), Long.toString(c.free()), Long.toString(c.held()), Long.toString(c.booked())))
                .toList();
        return Csv.download("series-per-centre.csv", List.of("centre", "name", "free", "held", "booked"), rows);
    }

    @GetMapping(PAGE + "/visits-per-centre")
    ResponseEntity<byte[]> visitsPerCentre() {
        List<List<String>> rows = visitRows().stream()
                .map(v -> List.of(
                        v.id(),
                        v.name(),
                        Long.toString(v.vaccinated()),
                        Long.toString(v.noShows()),
                        Long.toString(v.checkedIn())))
                .toList();
        return Csv.download(
                "visits-per-centre.csv", List.of("centre", "name", "vaccinated", "noShows", "checkedIn"), rows);
    }

    @GetMapping(PAGE + "/doses-per-centre")
    ResponseEntity<byte[]> dosesPerCentre() {
        List<List<String>> rows = doseRows().stream()
                .map(d -> List.of(
                        d.id(),
                        d.name(),
                        Long.toString(d.delivered()),
                        Long.toString(d.released()),
                        Long.toString(d.administered())))
                .toList();
        return Csv.download(
                "doses-per-centre.csv", List.of("centre", "name", "delivered", "released", "administered"), rows);
    }

    @GetMapping(PAGE + "/bookings-per-day")
    ResponseEntity<byte[]> bookingsPerDay() {
        List<List<String>> rows = lastTwoWeeks().stream()
                .map(d -> List.of(d.date(), Long.toString(d.booked()), Long.toString(d.cancelled())))
                .toList();
        return Csv.download("bookings-per-day.csv", List.of("day", "booked", "cancelled"), rows);
    }

    /** The 14 Berlin days up to and including today. */
    private List<DayRow> lastTwoWeeks() {
        var today = BerlinTime.dayOf(clock.instant());
        return bookings.perDay(today.minusDays(13), today, null).stream()
                .map(d -> new DayRow(d.day().format(DAY), d.day().toString(), d.booked(), d.cancelled()))
                .toList();
    }

    /** The 24 whole hours up to and including the current one. */
    private List<HourRow> lastDay() {
        Instant now = clock.instant();
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return bookings.perHour(to.minus(24, ChronoUnit.HOURS), to, null).stream()
                .map(h -> new HourRow(
                        BerlinTime.show(h.hour()).format(HOUR),
                        BerlinTime.show(h.hour()).toString(),
                        h.booked(),
                        h.cancelled()))
                .toList();
    }

    /** Marks of the 14 Berlin days up to and including today, per centre. */
    private List<VisitRow> visitRows() {
        Map<String, String> names = centres.all().stream().collect(Collectors.toMap(Centre::id, Centre::name));
        var today = BerlinTime.dayOf(clock.instant());
        return visits
                .perCentre(BerlinTime.at(today.minusDays(13), java.time.LocalTime.MIDNIGHT), clock.instant())
                .stream()
                .map(v -> new VisitRow(
                        v.centreId(),
                        names.getOrDefault(v.centreId(), v.centreId()),
                        v.vaccinated(),
                        v.noShows(),
                        v.checkedIn(),
                        v.noShowPercent()))
                .toList();
    }

    private List<CentreRow> centreRows() {
        Map<String, String> names = centres.all().stream().collect(Collectors.toMap(Centre::id, Centre::name));
        return series.perCentre(BerlinTime.dayOf(clock.instant())).stream()
                .map(c -> new CentreRow(
                        c.centreId(),
                        names.getOrDefault(c.centreId(), c.centreId()),
                        c.free(),
                        c.held(),
                        c.booked(),
                        c.total() == 0 ? 0 : (int) (100 * c.booked() / c.total())))
                .toList();
    }

    /**
     * Doses per centre with any delivered, released or administered, by name: delivered = deliveries arrived by today
     * (Berlin), released = the dose ledger's promised doses, administered = appointments marked vaccinated.
     */
    private List<DoseRow> doseRows() {
        Map<String, Long> delivered = centres.dosesDelivered(BerlinTime.dayOf(clock.instant()));
        Map<String, Long> released = series.dosesReleased();
        Map<String, Long> administered = visits.dosesAdministered();
        return centres.all().stream()
                .filter(c -> delivered.containsKey(c.id())
                        || released.containsKey(c.id())
                        || administered.containsKey(c.id()))
                .sorted(java.util.Comparator.comparing(Centre::name).thenComparing(Centre::id))
                .map(c -> new DoseRow(
                        c.id(),
                        c.name(),
                        delivered.getOrDefault(c.id(), 0L),
                        released.getOrDefault(c.id(), 0L),
                        administered.getOrDefault(c.id(), 0L)))
                .toList();
    }

    /** A centre's name as a chart label, cut where it would run into the bars. */
    private static String shortened(String name) {
        return name.length() <= 34 ? name : name.substring(0, 33) + "…";
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
