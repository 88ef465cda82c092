package de.impftermin.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateInputTests {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 24);

    @Test
    void readsDatesAsPeopleTypeThem() {
        assertThat(DateInput.parse("03.05.1941")).contains(LocalDate.of(1941, 5, 3));
        assertThat(DateInput.parse(" 3.5.1941 ")).contains(LocalDate.of(1941, 5, 3));
        assertThat(DateInput.parse("3. 5. 1941")).contains(LocalDate.of(1941, 5, 3));
        assertThat(DateInput.parse("1941-05-03")).contains(LocalDate.of(1941, 5, 3));
    }

    @Test
    void refusesImpossibleAndUnreadableDates() {
        assertThat(DateInput.parse("31.02.1941")).isEmpty();
        assertThat(DateInput.parse("03/05/1941")).isEmpty();
        assertThat(DateInput.parse("")).isEmpty();
        assertThat(DateInput.parse("99999999999999999999.1.1941")).isEmpty();
    }

    @Test
    void aBirthDateIsNeitherInTheFutureNorBefore1900() {
        assertThat(DateInput.birthDate("25.11.2021", TODAY)).isEmpty();
        assertThat(DateInput.birthDate("31.12.1899", TODAY)).isEmpty();
        assertThat(DateInput.birthDate("24.11.2021", TODAY)).contains(TODAY);
    }
}
