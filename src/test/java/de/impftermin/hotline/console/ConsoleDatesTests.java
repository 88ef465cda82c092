package de.impftermin.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConsoleDatesTests {

    private static final LocalDate MAY_3_1941 = LocalDate.of(1941, 5, 3);

    @Test
    void readsTheWaysAgentsTypeADate() {
        assertThat(ConsoleDates.parse("03.05.1941")).contains(MAY_3_1941);
        assertThat(ConsoleDates.parse(" 3.5.1941 ")).contains(MAY_3_1941);
        assertThat(ConsoleDates.parse("03051941")).contains(MAY_3_1941);
        assertThat(ConsoleDates.parse("1941-05-03")).contains(MAY_3_1941);
    }

    @Test
    void refusesWhatIsNoDate() {
        assertThat(ConsoleDates.parse("31.02.1941")).isEmpty();
        assertThat(ConsoleDates.parse("3.5.41")).isEmpty();
        assertThat(ConsoleDates.parse("")).isEmpty();
        assertThat(ConsoleDates.parse(null)).isEmpty();
    }

    @Test
    void showsADateAsTyped() {
        assertThat(ConsoleDates.show(MAY_3_1941)).isEqualTo("03.05.1941");
    }
}
