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
