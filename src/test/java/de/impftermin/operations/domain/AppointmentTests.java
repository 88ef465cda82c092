package de.impftermin.operations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppointmentTests {

    private static Appointment in(VisitStatus status) {
        return new Appointment(status, null);
    }

    @Test
    void aBookedPersonIsCheckedInThenVaccinatedWithTheLot() {
        Appointment.Transition checkedIn = in(VisitStatus.BOOKED).checkIn();
        assertThat(checkedIn).isInstanceOf(Appointment.Transition.Changed.class);
        Appointment after = ((Appointment.Transition.Changed) checkedIn).after();

        Appointment.Transition vaccinated = after.vaccinate("FK1234");

        assertThat(vaccinated).isInstanceOf(Appointment.Transition.Changed.class);
        Appointment done = ((Appointment.Transition.Changed) vaccinated).after();
        assertThat(done.status()).isEqualTo(VisitStatus.VACCINATED);
        assertThat(done.lot()).isEqualTo("FK1234");
    }

    @Test
    void markingTheSameAgainChangesNothing() {
        assertThat(in(VisitStatus.CHECKED_IN).checkIn()).isInstanceOf(Appointment.Transition.Unchanged.class);
        assertThat(in(VisitStatus.NO_SHOW).noShow()).isInstanceOf(Appointment.Transition.Unchanged.class);
        assertThat(in(VisitStatus.VACCINATED).vaccinate(null)).isInstanceOf(Appointment.Transition.Unchanged.class);
    }

    @Test
    void refusesVaccinatedBeforeCheckInAndAnythingAfterTheEnd() {
        assertThat(in(VisitStatus.BOOKED).vaccinate(null)).isInstanceOf(Appointment.Transition.Refused.class);
        assertThat(in(VisitStatus.NO_SHOW).checkIn()).isInstanceOf(Appointment.Transition.Refused.class);
        assertThat(in(VisitStatus.VACCINATED).noShow()).isInstanceOf(Appointment.Transition.Refused.class);
        assertThat(in(VisitStatus.VACCINATED).checkIn()).isInstanceOf(Appointment.Transition.Refused.class);
    }

    @Test
    void aBookedOrCheckedInPersonMayBeANoShow() {
        assertThat(in(VisitStatus.BOOKED).noShow()).isInstanceOf(Appointment.Transition.Changed.class);
        assertThat(in(VisitStatus.CHECKED_IN).noShow()).isInstanceOf(Appointment.Transition.Changed.class);
    }

    @Test
    void takesTheLastMarkBackOnItsDay() {
        Appointment vaccinated = new Appointment(VisitStatus.VACCINATED, "FK1");
        Appointment checkedIn = new Appointment(VisitStatus.CHECKED_IN, null);

        assertThat(vaccinated.undo(true, false))
                .isInstanceOfSatisfying(
                        Appointment.Transition.Changed.class,
                        c -> assertThat(c.after().status()).isEqualTo(VisitStatus.CHECKED_IN));
        assertThat(checkedIn.undo(true, false))
                .isInstanceOfSatisfying(
                        Appointment.Transition.Changed.class,
                        c -> assertThat(c.after().status()).isEqualTo(VisitStatus.BOOKED));
        assertThat(new Appointment(VisitStatus.BOOKED, null).undo(true, false))
                .isInstanceOf(Appointment.Transition.Unchanged.class);
    }

    @Test
    void refusesToTakeBackAnotherDaysMarkOrAMissedFirstDoseWhoseSecondDoseWasFreed() {
        assertThat(new Appointment(VisitStatus.CHECKED_IN, null).undo(false, false))
                .isInstanceOf(Appointment.Transition.Refused.class);
        assertThat(new Appointment(VisitStatus.NO_SHOW, null).undo(true, true))
                .isInstanceOf(Appointment.Transition.Refused.class);
        assertThat(new Appointment(VisitStatus.NO_SHOW, null).undo(true, false))
                .isInstanceOfSatisfying(
                        Appointment.Transition.Changed.class,
                        c -> assertThat(c.after().status()).isEqualTo(VisitStatus.BOOKED));
    }
}
