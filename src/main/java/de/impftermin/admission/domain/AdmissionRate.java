package de.impftermin.admission.domain;

import de.impftermin.platform.BookingPressure.Pressure;
import java.time.Duration;

/**
 * The rate at which the serving counter advances ({@code inEffect}) under the operator's rate ({@code ceiling}), and
 * how an adaptive queue moves it: additive increase, multiplicative decrease, the way TCP finds what a link carries.
 * Admitting faster than the node can book only turns admitted people into {@code 503}s, so the rate follows the
 * booking path's pressure: congested, it drops to 70 %; not congested while people wait, it climbs by 10 % + 1 per
 * step. A queue starts at a low rate, because the pressure of its first admissions shows only seconds later, and
 * doubles it each step until the first congestion (TCP's slow start).
 */
public record AdmissionRate(double inEffect, double ceiling) {

    /**
     * The least time between two decreases. Admitted people reach the booking path only a few seconds later, so the
     * pressure measured right after a decrease still stems from the rate before it; decreasing on it again would
     * overshoot.
     */
    public static final Duration DECREASE_SPACING = Duration.ofSeconds(2);

    static final double DECREASE = 0.7;
    static final double INCREASE = 1.1;
    static final double DELAYED_SHARE = 0.1;
    static final double FLOOR_SHARE = 0.02;
    static final double HALF = 0.5;
    /** Database-bound requests of one admitted person at least: a hold and a confirmation. */
    static final int REQUESTS_PER_PERSON = 2;

    public AdmissionRate {
        if (!(ceiling > 0) || !(inEffect > 0) || inEffect > ceiling) {
            throw new IllegalArgumentException("rate " + inEffect + " outside (0, " + ceiling + "]");
        }
    }

    /** The rate right after an operator set the ceiling: a slow start at {@code initial} if adaptive. */
    public static AdmissionRate starting(double ceiling, double initial, boolean adaptive) {
        double inEffect = adaptive ? Math.min(ceiling, initial) : ceiling;
        return new AdmissionRate(inEffect, ceiling);
    }

    /** The least rate a decrease goes to: 2 % of the ceiling, at least one per second, so that the queue still moves. */
    public double floor() {
        return floor(ceiling);
    }

    /**
     * Congested: someone was refused, or more than one in ten database-bound requests had to wait for a slot beyond
     * the delay target.
     */
    public static boolean congested(Pressure pressure) {
        return pressure.refused() > 0 || pressure.delayed() > DELAYED_SHARE * (pressure.passed() + pressure.delayed());
    }

    /**
     * What to do after an interval with this {@code pressure} on the booking path while {@code waiting} people wait:
     * congested, decrease (also when nobody waits: those arriving are then admitted more slowly); not congested,
     * increase only while people wait, because without a queue the rate is not what limits admission.
     */
    public Adjustment next(Pressure pressure, long waiting) {
        return next(pressure, waiting, false, 0);
    }

    /** As {@link #next(Pressure, long, boolean, double, long)} with only this instance's requests served. */
    public Adjustment next(Pressure pressure, long waiting, boolean slowStart, double seconds) {
        return next(pressure, waiting, slowStart, seconds, pressure.passed() + pressure.delayed());
    }

    /**
     * As {@link #next(Pressure, long)} over an interval of {@code seconds}, in which the booking paths of all
     * instances served {@code servedEverywhere} requests (congestion is judged on this instance's {@code pressure}):
     * raising only a rate that is used, at least one request per person admitted (each holds and confirms, so fewer
     * mean the admitted have not arrived yet: they poll every few seconds, and raising before they arrive overshot
     * from 50/s to 2,100/s in the book-out benchmark and let the whole queue into {@code 503}s), and
     * lowering a congested rate to what the path books (at most halving it) instead of by 30 %. In the slow start (no
     * congestion seen since the operator set the rate) the rate doubles instead of climbing by 10 %: from the initial 50/s a queue reaches 3,200/s in six steps, where 10 %
     * steps took 25 s to reach 700/s in the book-out benchmark while thousands waited for a free node.
     */
    public Adjustment next(Pressure pressure, long waiting, boolean slowStart, double seconds, long servedEverywhere) {
        if (congested(pressure)) {
            double lower = Math.max(floor(), hundredths(inEffect * DECREASE));
            if (seconds > 0) {
                // What the path books while congested is what it can book: go to a little under that, not by 30 %
                // steps. A rate already under it means the congestion is the backlog of an earlier, higher rate
                // (the admitted arrive seconds later): lowering again then only starved the queue, down to the floor
                // in the book-out benchmark.
                double booking = servedEverywhere / seconds / REQUESTS_PER_PERSON;
                if (inEffect <= booking) {
                    return new Adjustment.Keep();
                }
                lower = Math.max(floor(), hundredths(Math.max(inEffect * HALF, Math.min(lower, booking * 0.9))));
            }
            return lower < inEffect ? new Adjustment.Decrease(lower) : new Adjustment.Keep();
        }
        if (waiting > 0 && servedEverywhere >= inEffect * seconds) {
            double higher = Math.min(ceiling, hundredths(slowStart ? inEffect * 2 : inEffect * INCREASE + 1));
            return higher > inEffect ? new Adjustment.Increase(higher) : new Adjustment.Keep();
        }
        return new Adjustment.Keep();
    }

    /** Rates operators can read: 111 per second, not 111.00000000000001. */
    private static double hundredths(double rate) {
        return Math.round(rate * 100) / 100.0;
    }

    private static double floor(double ceiling) {
        return Math.min(ceiling, Math.max(1, ceiling * FLOOR_SHARE));
    }

    /** A change of the rate in effect, or none. */
    public sealed interface Adjustment {

        record Decrease(double to) implements Adjustment {}

        record Increase(double to) implements Adjustment {}

        record Keep() implements Adjustment {}
    }
}
