package de.impftermin.operations;

import de.impftermin.booking.Bookings;
import de.impftermin.booking.DayAppointment;
import de.impftermin.operations.domain.Appointment;
import de.impftermin.operations.domain.VisitStatus;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.CentreAccess;
import de.impftermin.shared.BerlinTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations module's API for the day itself: the day list and marking appointments. Each method is one use case
 * in one transaction; the caller must be an operator of the centre or an administrator.
 */
@Service
public class CentreDay {

    /** What staff can mark. */
    public enum Mark {
        CHECK_IN,
        VACCINATED,
        NO_SHOW,
        /** Takes the last mark back, on the appointment's day. */
        UNDO
    }

    private final Bookings bookings;
    private final VisitRepository visits;
    private final AuditLog audit;
    private final Clock clock;

    CentreDay(Bookings bookings, VisitRepository visits, AuditLog audit, Clock clock) {
        this.bookings = bookings;
        this.visits = visits;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everyone booked at the centre on {@code day}, by time; reading it is an audited access to personal data. */
    @Transactional
    public List<DayListEntry> appointments(String centreId, LocalDate day) {
        CentreAccess.require(centreId);
        List<DayAppointment> booked = bookings.appointmentsOn(centreId, day);
        Map<String, VisitRepository.Visit> marked = visits.of(
                booked.stream().map(DayAppointment::bookingCode).distinct().toList());
        audit.record(
                "PERSONAL_DATA_READ", "centre:" + centreId + ":" + day, "day list, " + booked.size() + " appointments");
        return booked.stream()
                .map(a -> {
                    String ref = reference(a).value();
                    VisitRepository.Visit visit = marked.get(ref);
                    return entry(
                            a, visit == null ? VisitStatus.BOOKED : visit.status(), visit == null ? null : visit.lot());
                })
                .toList();
    }

    /**
     * Marks an appointment. The aggregate decides; a change is written (guarded by the state it was decided on) and
     * audited once, marking the same again changes nothing, a 1st-dose no-show frees the series' 2nd dose at once.
     */
    @Transactional
    public MarkResult mark(String reference, Mark mark, @Nullable String lot) {
        Optional<DayAppointment> found = AppointmentReference.parse(reference)
                .flatMap(r -> bookings.appointment(r.bookingCode(), r.person(), r.dose()));
        if (found.isEmpty()) {
            return new MarkResult.NotFound(reference);
        }
        DayAppointment booked = found.get();
        CentreAccess.require(booked.centreId());
        AppointmentReference ref = reference(booked);
        String actor = AuditLog.currentActor();
        Appointment current = visits.lock(ref, booked.centreId(), actor);
        Appointment.Transition transition = switch (mark) {
            case CHECK_IN -> current.checkIn();
            case VACCINATED -> current.vaccinate(lot);
            case NO_SHOW -> current.noShow();
            case UNDO ->
                current.undo(
                        BerlinTime.dayOf(booked.startsAt().toInstant()).equals(BerlinTime.dayOf(clock.instant())),
                        booked.dose() == 1 && booked.vaccine().doses() > 1);
        };
        return switch (transition) {
            case Appointment.Transition.Unchanged unchanged ->
                new MarkResult.Marked(
                        entry(
                                booked,
                                unchanged.current().status(),
                                unchanged.current().lot()),
                        false);
            case Appointment.Transition.Refused refused ->
                new MarkResult.Refused(entry(booked, current.status(), current.lot()), refused.reason());
            case Appointment.Transition.Changed changed -> changed(booked, ref, changed, actor, mark == Mark.UNDO);
        };
    }

    private MarkResult changed(
            DayAppointment booked,
            AppointmentReference ref,
            Appointment.Transition.Changed changed,
            String actor,
            boolean undone) {
        if (!visits.save(ref, changed.before().status(), changed.after(), actor)) {
            throw new IllegalStateException("appointment " + ref.value() + " changed under its row lock");
        }
        String detail = changed.before().status() + " -> " + changed.after().status();
        if (changed.after().status() == VisitStatus.NO_SHOW && bookings.dropSecondDose(booked)) {
            detail += "; 2nd dose freed";
        }
        audit.record(
                undone
                        ? "APPOINTMENT_MARK_UNDONE"
                        : "APPOINTMENT_" + changed.after().status().name(),
                ref.value(),
                detail);
        return new MarkResult.Marked(
                entry(booked, changed.after().status(), changed.after().lot()), true);
    }

    private static AppointmentReference reference(DayAppointment a) {
        return new AppointmentReference(a.bookingCode(), a.person(), a.dose());
    }

    private static DayListEntry entry(DayAppointment a, VisitStatus status, @Nullable String lot) {
        return new DayListEntry(
                reference(a).value(),
                a.startsAt(),
                a.dose(),
                a.firstName(),
                a.lastName(),
                a.birthDate(),
                a.bookingCode(),
                status,
                lot,
                a.vaccine().id());
    }
}
