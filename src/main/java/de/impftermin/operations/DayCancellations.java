package de.impftermin.operations;

import de.impftermin.booking.Bookings;
import de.impftermin.booking.DayAppointment;
import de.impftermin.booking.Relocation;
import de.impftermin.inventory.Holds;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.CentreAccess;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.StatedReason;
import de.impftermin.shared.Vaccine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling a day (the vaccine did not arrive). {@link #preview} writes nothing. {@link #start} closes the day for
 * new holds and records every booking of the day as an item of a job, in one transaction; {@link #processNext} then
 * moves or cancels one booking per transaction, together with its messages and the job's progress, so that a job
 * stopped halfway (a crash, a deploy) is resumed by running it again: a done item is never done twice, and two runners
 * never take the same item ({@code SKIP LOCKED}).
 */
@Service
public class DayCancellations {

    private final Bookings bookings;
    private final Holds holds;
    private final DayCancellationRepository jobs;
    private final AuditLog audit;
    private final CrashSwitch crashSwitch;
    private final Clock clock;

    DayCancellations(
            Bookings bookings,
            Holds holds,
            DayCancellationRepository jobs,
            AuditLog audit,
            CrashSwitch crashSwitch,
            Clock clock) {
        this.bookings = bookings;
        this.holds = holds;
        this.jobs = jobs;
        this.audit = audit;
        this.crashSwitch = crashSwitch;
        this.clock = clock;
    }

    /**
     * How many bookings and persons the day has, and how many of the bookings the free series at this centre could
     * take now (households whole, nearest day first, as the job will try).
     */
    @Transactional(readOnly = true)
    public DayCancellationPreview preview(String centreId, LocalDate day) {
        CentreAccess.require(centreId);
        List<DayCancellationRepository.BookingOfDay> touched = bookingsOf(centreId, day);
        Map<Vaccine, Map<LocalDate, Integer>> free = new HashMap<>();
        Map<String, Vaccine> vaccines = new HashMap<>();
        bookings.appointmentsOn(centreId, day).forEach(a -> vaccines.put(a.bookingCode(), a.vaccine()));
        int movable = 0;
        for (DayCancellationRepository.BookingOfDay b : touched) {
            if (!b.firstDoseThatDay()) {
                continue;
            }
            Vaccine vaccine = vaccines.get(b.code());
            List<LocalDate> days = candidateDays(day, vaccine);
            Map<LocalDate, Integer> left = free.computeIfAbsent(
                    vaccine,
                    v -> days.isEmpty()
                            ? new HashMap<>()
                            : new HashMap<>(holds.freeSeriesByDay(
                                    centreId,
                                    v,
                                    days.stream().min(LocalDate::compareTo).orElseThrow(),
                                    days.stream().max(LocalDate::compareTo).orElseThrow())));
            for (LocalDate d : days) {
                if (left.getOrDefault(d, 0) >= b.persons()) {
                    left.merge(d, -b.persons(), Integer::sum);
                    movable++;
                    break;
                }
            }
        }
        return new DayCancellationPreview(
                touched.size(),
                touched.stream()
                        .mapToInt(DayCancellationRepository.BookingOfDay::persons)
                        .sum(),
                movable);
    }

    /**
     * Closes the day for new holds and records its bookings as the job's items; the job then runs by itself. Every
     * message tells the {@code reason} in the booking's language.
     */
    @Transactional
    public UUID start(String centreId, LocalDate day, StatedReason reason) {
        CentreAccess.require(centreId);
        UUID job = UUID.randomUUID();
        jobs.insert(job, centreId, day, reason, AuditLog.currentActor());
        int closed = holds.closeDay(centreId, day, job);
        List<DayCancellationRepository.BookingOfDay> touched = bookingsOf(centreId, day);
        jobs.addItems(job, touched);
        audit.record(
                "DAY_CANCELLED",
                "centre:" + centreId + ":" + day,
                "job " + job + ", " + touched.size() + " bookings, " + closed + " free series closed; reason: "
                        + reason.german() + (reason.english() == null ? "" : " / " + reason.english()));
        return job;
    }

    /**
     * Moves or cancels the next booking of the job, with its messages, in one transaction.
     *
     * @return false when no booking is left (or another runner holds the last ones)
     */
    @Transactional
    public boolean processNext(UUID job) {
        Optional<DayCancellationRepository.Claimed> next = jobs.claimNext(job);
        if (next.isEmpty()) {
            return false;
        }
        DayCancellationRepository.Claimed item = next.get();
        crashSwitch.beforeBooking();
        Relocation outcome = bookings.relocate(
                item.code(), item.day(), job, vaccine -> daysWithRoom(item, vaccine), item.staff(), item.reason());
        switch (outcome) {
            case Relocation.Moved moved ->
                jobs.done(job, item.code(), "MOVED", moved.booking().code(), moved.personsNotified());
            case Relocation.Cancelled cancelled ->
                jobs.done(job, item.code(), "CANCELLED", null, cancelled.personsNotified());
            case Relocation.NotLive gone -> jobs.done(job, item.code(), "GONE", null, 0);
        }
        return true;
    }

    /** Marks the job done once no booking is left open. */
    @Transactional
    public boolean finish(UUID job) {
        if (jobs.hasOpenItems(job)) {
            return false;
        }
        jobs.finish(job);
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<DayCancellationJob> find(UUID job) {
        Optional<DayCancellationJob> found = jobs.find(job);
        found.ifPresent(j -> CentreAccess.require(j.centreId()));
        return found;
    }

    @Transactional(readOnly = true)
    public List<UUID> running() {
        return jobs.running();
    }

    /**
     * The days a booking of {@code day} may move to, nearest first (later before earlier at the same distance): within
     * the vaccine's interval window (max − min days; a week for a single dose), never today or before.
     */
    List<LocalDate> candidateDays(LocalDate day, Vaccine vaccine) {
        int window = vaccine.hasSecondDose() ? vaccine.maxDays() - vaccine.minDays() : 7;
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        List<LocalDate> days = new ArrayList<>();
        for (int d = 1; d <= window; d++) {
            days.add(day.plusDays(d));
            if (day.minusDays(d).isAfter(today)) {
                days.add(day.minusDays(d));
            }
        }
        return days;
    }

    /**
     * The candidate days that have free series for the whole household now, nearest first; read in one query, so a
     * booking that cannot be moved costs no claim attempts. Racing citizens may take them meanwhile: the claim decides.
     */
    private List<LocalDate> daysWithRoom(DayCancellationRepository.Claimed item, Vaccine vaccine) {
        List<LocalDate> days = candidateDays(item.day(), vaccine);
        if (days.isEmpty()) {
            return days;
        }
        Map<LocalDate, Integer> free = holds.freeSeriesByDay(
                item.centreId(),
                vaccine,
                days.stream().min(LocalDate::compareTo).orElseThrow(),
                days.stream().max(LocalDate::compareTo).orElseThrow());
        return days.stream()
                .filter(d -> free.getOrDefault(d, 0) >= item.persons())
                .toList();
    }

    private List<DayCancellationRepository.BookingOfDay> bookingsOf(String centreId, LocalDate day) {
        Map<String, DayCancellationRepository.BookingOfDay> byCode = new LinkedHashMap<>();
        for (DayAppointment a : bookings.appointmentsOn(centreId, day)) {
            DayCancellationRepository.BookingOfDay seen = byCode.get(a.bookingCode());
            boolean first = a.dose() == 1 || (seen != null && seen.firstDoseThatDay());
            byCode.put(
                    a.bookingCode(), new DayCancellationRepository.BookingOfDay(a.bookingCode(), a.persons(), first));
        }
        return List.copyOf(byCode.values());
    }
}
