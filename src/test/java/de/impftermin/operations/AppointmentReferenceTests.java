package de.impftermin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppointmentReferenceTests {

    @Test
    void readsBackWhatItWrites() {
        AppointmentReference ref = new AppointmentReference("GCZM-TX7Q-83DA", 1, 2);

        assertThat(ref.value()).isEqualTo("GCZM-TX7Q-83DA-2-2");
        assertThat(AppointmentReference.parse(ref.value())).contains(ref);
    }

    @Test
    void refusesWhatIsNoReference() {
        assertThat(AppointmentReference.parse("x")).isEmpty();
        assertThat(AppointmentReference.parse("CODE-5-1"))
                .as("a household has at most 4 persons")
                .isEmpty();
        assertThat(AppointmentReference.parse("CODE-1-3")).as("dose 1 or 2").isEmpty();
    }
}
