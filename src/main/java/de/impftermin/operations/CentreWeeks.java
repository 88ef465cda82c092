package de.impftermin.operations;

import de.impftermin.booking.Bookings;
import de.impftermin.booking.DayAppointment;
import de.impftermin.centres.Centres;
import de.impftermin.centres.OpeningDay;
import de.impftermin.inventory.Capacity;
import de.impftermin.inventory.DayReshape;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a centre's weeks: an opening day's hours, lanes or slot length, and copying a week's opening days to
 * another week. Both lock the centre row first, as a release does, so no release pairs seats while the days change;
 * both answer a refusal as a value and then write nothing; both are audited.
 */
@Service
public class CentreWeeks {

    private final Centres centres;
    private final Capacity capacity;
    private final Bookings bookings;
    private final AuditLog audit;

    CentreWeeks(Centres centres, Capacity capacity, Bookings bookings, AuditLog audit) {
        this.centres = centres;
        this.capacity = capacity;
        this.bookings = bookings;
        this.audit = audit;
    }

    /**
     * Gives an opening day new hours, lanes or slot length. Refused, with the bookings in the way, where a seat it
     * would remove carries a booked (or held) series; unbooked series on removed seats are withdrawn from their
     * releases.
     */
    @Transactional
    public OpeningDayChange change(OpeningDay wanted) {
        CentreAccess.require(wanted.centreId());
        if (!wanted.hasValidHours()) {
            throw Refusal.invalid(
                    "INVALID_OPENING_HOURS", "closes must be after opens and leave room for at least one slot.");
        }
        centres.lock(wanted.centreId());
        Optional<OpeningDay> before = centres.openingDay(wanted.centreId(), wanted.date());
        if (before.isEmpty()) {
            return new OpeningDayChange.NotOpen(wanted.centreId(), wanted.date());
        }
        DayReshape reshape = capacity.reshape(wanted);
        return switch (reshape) {
            case DayReshape.Refused refused ->
                new OpeningDayChange.BookingsInTheWay(
                        wanted, affected(wanted, refused.bookedPairs()), refused.heldSeries());
            case DayReshape.Reshaped done -> {
                centres.changeOpeningDay(wanted);
                audit.record(
                        "OPENING_DAY_CHANGED",
                        "centre:" + wanted.centreId() + ":" + wanted.date(),
                        describe(before.get()) + " -> " + describe(wanted) + "; " + done.seatsAdded() + " seats added, "
                                + done.seatsRemoved() + " removed, " + done.seriesWithdrawn()
                                + " unbooked series withdrawn");
                yield new OpeningDayChange.Changed(
                        wanted, done.seatsAdded(), done.seatsRemoved(), done.seriesWithdrawn());
            }
        };
    }

    /**
     * Copies the opening days of the week holding {@code fromAnyDay} to the same weekdays of the week holding
     * {@code toAnyDay}, all in one transaction; refused whole where the centre opens on one of those days already.
     */
    @Transactional
    public WeekCopy copyWeek(String centreId, LocalDate fromAnyDay, LocalDate toAnyDay) {
        CentreAccess.require(centreId);
        centres.lock(centreId);
        LocalDate from = fromAnyDay.with(DayOfWeek.MONDAY);
        long shift = ChronoUnit.DAYS.between(from, toAnyDay.with(DayOfWeek.MONDAY));
        List<OpeningDay> all = centres.openingDays(centreId);
        List<OpeningDay> copies = all.stream()
                .filter(d -> !d.date().isBefore(from) && d.date().isBefore(from.plusDays(7)))
                .map(d -> d.on(d.date().plusDays(shift)))
                .toList();
        if (copies.isEmpty()) {
            return new WeekCopy.NothingToCopy();
        }
        Set<LocalDate> open = all.stream().map(OpeningDay::date).collect(Collectors.toCollection(HashSet::new));
        List<LocalDate> taken =
                copies.stream().map(OpeningDay::date).filter(open::contains).toList();
        if (!taken.isEmpty()) {
            return new WeekCopy.DaysExist(taken);
        }
        copies.forEach(centres::addOpeningDay);
        audit.record(
                "OPENING_WEEK_COPIED",
                "centre:" + centreId + ":" + from,
                "to the week of " + from.plusDays(shift) + ": " + copies.size() + " opening days, "
                        + copies.stream().mapToInt(OpeningDay::seats).sum() + " seats");
        return new WeekCopy.Copied(copies);
    }

    /** The bookings of these pairs, by their appointment on the changed day (code, time, dose; no names). */
    private List<OpeningDayChange.AffectedBooking> affected(OpeningDay day, List<Long> pairs) {
        Set<Long> wanted = new HashSet<>(pairs);
        Map<String, OpeningDayChange.AffectedBooking> byCode = new LinkedHashMap<>();
        bookings.appointmentsOn(day.centreId(), day.date()).stream()
                .filter(a -> wanted.contains(a.pairId()))
                .sorted(Comparator.comparing(DayAppointment::startsAt))
                .forEach(a -> byCode.putIfAbsent(
                        a.bookingCode(),
                        new OpeningDayChange.AffectedBooking(a.bookingCode(), a.startsAt(), a.dose(), a.persons())));
        return List.copyOf(byCode.values());
    }

    private static String describe(OpeningDay d) {
        return d.opens() + "-" + d.closes() + ", " + d.lanes() + " lanes, " + d.slotMinutes() + " min";
    }
}
