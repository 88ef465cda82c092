package de.impftermin.operations.domain;

import org.jspecify.annotations.Nullable;

/**
 * A booked appointment on its day. It knows its own life cycle: BOOKED → CHECKED_IN → VACCINATED, and BOOKED or
 * CHECKED_IN → NO_SHOW. Asking for the state it is already in changes nothing (a double click, a retried request);
 * anything else is refused with a reason, never thrown.
 */
public final class Appointment {

    private final VisitStatus status;
    private final @Nullable String lot;

    public Appointment(VisitStatus status, @Nullable String lot) {
        this.status = status;
        this.lot = lot;
    }

    public VisitStatus status() {
        return status;
    }

    public @Nullable String lot() {
        return lot;
    }

    public Transition checkIn() {
        return to(VisitStatus.CHECKED_IN, null);
    }

    /** Vaccinated, with the vaccine lot if known; only after the check-in. */
    public Transition vaccinate(@Nullable String lot) {
        return to(VisitStatus.VACCINATED, lot);
    }

    public Transition noShow() {
        return to(VisitStatus.NO_SHOW, null);
    }

    /**
     * Takes the last mark back (a slip of the finger at the desk): VACCINATED becomes CHECKED_IN, CHECKED_IN and
     * NO_SHOW become BOOKED; nothing to take back is no change. Only on the appointment's own day, and not for a
     * missed 1st dose whose 2nd dose was already freed for others ({@code secondDoseFreed}): that seat may be booked
     * by someone else by now, so the person books again.
     */
    public Transition undo(boolean onItsDay, boolean secondDoseFreed) {
        if (status == VisitStatus.BOOKED) {
            return new Transition.Unchanged(this);
        }
        if (!onItsDay) {
            return new Transition.Refused("A mark can be taken back only on the appointment's day.");
        }
        if (status == VisitStatus.NO_SHOW && secondDoseFreed) {
            return new Transition.Refused(
                    "The 2nd dose of this missed 1st dose was freed for others; the person needs a new booking.");
        }
        VisitStatus back = status == VisitStatus.VACCINATED ? VisitStatus.CHECKED_IN : VisitStatus.BOOKED;
        return new Transition.Changed(this, new Appointment(back, null));
    }

    private Transition to(VisitStatus target, @Nullable String newLot) {
        if (status == target) {
            return new Transition.Unchanged(this);
        }
        if (!allowed(status, target)) {
            return new Transition.Refused(
                    "An appointment that is " + status.name() + " cannot become " + target.name() + ".");
        }
        return new Transition.Changed(this, new Appointment(target, newLot));
    }

    private static boolean allowed(VisitStatus from, VisitStatus to) {
        return switch (to) {
            case CHECKED_IN -> from == VisitStatus.BOOKED;
            case VACCINATED -> from == VisitStatus.CHECKED_IN;
            case NO_SHOW -> from == VisitStatus.BOOKED || from == VisitStatus.CHECKED_IN;
            case BOOKED -> false;
        };
    }

    /** The outcome of asking an appointment to change. */
    public sealed interface Transition {

        record Changed(Appointment before, Appointment after) implements Transition {}

        record Unchanged(Appointment current) implements Transition {}

        record Refused(String reason) implements Transition {}
    }
}
