package de.impftermin.admission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.admission.domain.AdmissionRate.Adjustment.Decrease;
import de.impftermin.admission.domain.AdmissionRate.Adjustment.Increase;
import de.impftermin.admission.domain.AdmissionRate.Adjustment.Keep;
import de.impftermin.platform.BookingPressure.Pressure;
import org.junit.jupiter.api.Test;

class AdmissionRateTests {

    private static final Pressure CALM = new Pressure(400, 5, 0);

    @Test
    void decreasesTo70PercentWhenARequestWasRefused() {
        AdmissionRate rate = new AdmissionRate(100, 1000);
        assertThat(rate.next(new Pressure(500, 0, 1), 2000)).isEqualTo(new Decrease(70));
    }

    @Test
    void decreasesWhenMoreThanOneInTenRequestsWaitedForASlot() {
        AdmissionRate rate = new AdmissionRate(100, 1000);
        assertThat(rate.next(new Pressure(80, 11, 0), 2000)).isEqualTo(new Decrease(70));
        assertThat(rate.next(new Pressure(90, 10, 0), 2000))
                .as("exactly one in ten is not congested")
                .isInstanceOf(Increase.class);
    }

    @Test
    void decreasesAlsoWhenNobodyWaitsSoThatArrivalsAreAdmittedMoreSlowly() {
        assertThat(new AdmissionRate(100, 1000).next(new Pressure(0, 0, 3), 0)).isEqualTo(new Decrease(70));
    }

    @Test
    void increasesBy10PercentPlusOneOnlyWhilePeopleWait() {
        AdmissionRate rate = new AdmissionRate(100, 1000);
        assertThat(rate.next(CALM, 1)).isEqualTo(new Increase(111));
        assertThat(rate.next(CALM, 0)).isEqualTo(new Keep());
        assertThat(rate.next(Pressure.NONE, 0)).isEqualTo(new Keep());
    }

    @Test
    void increasesWithoutAnyBookingTrafficWhilePeopleWait() {
        assertThat(new AdmissionRate(50, 1000).next(Pressure.NONE, 300)).isEqualTo(new Increase(56));
    }

    @Test
    void neverRisesAboveTheCeiling() {
        assertThat(new AdmissionRate(950, 1000).next(CALM, 5000)).isEqualTo(new Increase(1000));
        assertThat(new AdmissionRate(1000, 1000).next(CALM, 5000)).isEqualTo(new Keep());
    }

    @Test
    void neverFallsBelowTheFloorOfTwoPercentOfTheCeilingOrOnePerSecond() {
        Pressure refusing = new Pressure(0, 0, 100);
        assertThat(new AdmissionRate(25, 1000).floor()).isEqualTo(20);
        assertThat(new AdmissionRate(25, 1000).next(refusing, 10)).isEqualTo(new Decrease(20));
        assertThat(new AdmissionRate(20, 1000).next(refusing, 10)).isEqualTo(new Keep());
        assertThat(new AdmissionRate(1.2, 10).next(refusing, 10)).isEqualTo(new Decrease(1));
        assertThat(new AdmissionRate(0.5, 0.5).floor())
                .as("not above the ceiling")
                .isEqualTo(0.5);
        assertThat(new AdmissionRate(0.5, 0.5).next(refusing, 10)).isEqualTo(new Keep());
    }

    @Test
    void findsTheBookingCapacityAndStaysNearIt() {
        double capacity = 100;
        AdmissionRate rate = new AdmissionRate(50, 400);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int step = 0; step < 200; step++) {
            boolean overloaded = rate.inEffect() > capacity;
            Pressure pressure = overloaded ? new Pressure(100, 20, 5) : CALM;
            rate = switch (rate.next(pressure, 10_000)) {
                case Decrease d -> new AdmissionRate(d.to(), rate.ceiling());
                case Increase i -> new AdmissionRate(i.to(), rate.ceiling());
                case Keep k -> rate;
            };
            if (step >= 100) {
                lowest = Math.min(lowest, rate.inEffect());
                highest = Math.max(highest, rate.inEffect());
            }
        }
        assertThat(lowest).isGreaterThanOrEqualTo(0.7 * capacity);
        assertThat(highest).isLessThanOrEqualTo(1.1 * capacity + 1);
    }

    @Test
    void startsSlowlyWhenAdaptiveAndAtTheCeilingOtherwise() {
        assertThat(AdmissionRate.starting(3000, 50, true)).isEqualTo(new AdmissionRate(50, 3000));
        assertThat(AdmissionRate.starting(30, 50, true)).isEqualTo(new AdmissionRate(30, 30));
        assertThat(AdmissionRate.starting(3000, 50, false)).isEqualTo(new AdmissionRate(3000, 3000));
    }

    @Test
    void refusesARateInEffectAboveTheCeilingOrNotPositive() {
        assertThatThrownBy(() -> new AdmissionRate(101, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionRate(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionRate(Double.NaN, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doublesInTheSlowStartUntilTheFirstCongestion() {
        assertThat(new AdmissionRate(50, 3000).next(CALM, 1000, true, 1)).isEqualTo(new Increase(100));
        assertThat(new AdmissionRate(2000, 3000).next(new Pressure(4000, 10, 0), 1000, true, 1))
                .isEqualTo(new Increase(3000));
        assertThat(new AdmissionRate(800, 3000).next(new Pressure(100, 0, 5), 1000, true, 1))
                .isEqualTo(new Decrease(400));
        assertThat(new AdmissionRate(800, 3000).next(CALM, 0, true, 1)).isEqualTo(new Keep());
    }

    @Test
    void raisesOnlyARateThatTheBookingPathAlreadySees() {
        // 405 requests in a second, fewer than the 500 people admitted in it: they have not all arrived yet
        assertThat(new AdmissionRate(500, 3000).next(CALM, 1000, true, 1)).isEqualTo(new Keep());
        assertThat(new AdmissionRate(500, 3000).next(CALM, 1000, false, 1)).isEqualTo(new Keep());
        assertThat(new AdmissionRate(400, 3000).next(CALM, 1000, false, 1)).isEqualTo(new Increase(441));
        assertThat(new AdmissionRate(100, 3000).next(CALM, 1000, false, 5)).isEqualTo(new Keep());
    }

    @Test
    void lowersACongestedRateToWhatThePathBooksAtMostHalvingIt() {
        // 800 admitted per second, the path served 500 requests: 250 people; 90 % of that
        assertThat(new AdmissionRate(800, 3000).next(new Pressure(480, 20, 100), 1000, false, 1))
                .isEqualTo(new Decrease(400));
        assertThat(new AdmissionRate(400, 3000).next(new Pressure(480, 20, 100), 1000, false, 1))
                .isEqualTo(new Decrease(225));
        assertThat(new AdmissionRate(200, 3000).next(new Pressure(480, 20, 100), 1000, false, 1))
                .as("under what the path books: the backlog of an earlier rate")
                .isEqualTo(new Keep());
        assertThat(new AdmissionRate(100, 3000).next(new Pressure(0, 0, 100), 1000, false, 1))
                .isEqualTo(new Decrease(60));
    }
}
