package de.impftermin.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonKeyTests {

    private static final LocalDate BORN = LocalDate.of(1941, 5, 3);

    @ParameterizedTest
    @CsvSource({
        "Gisela, Müller, Gisela, Mueller",
        "Gisela, Müller, GISELA, MÜLLER",
        "Gisela, Müller, gisela, müller",
        "Gisela, Müller, '  Gisela ', ' Müller  '",
        "Anne-Marie, Groß, Anne Marie, Gross",
        "José, Ørsted, Jose, Ørsted",
        "Seán, O'Brien, Sean, OBrien",
        "Jörg, Straßer, Joerg, Strasser",
        "Änne, Öztürk, Aenne, Oeztuerk"
    })
    void treatsSpellingsOfTheSameNameAsTheSamePerson(String first1, String last1, String first2, String last2) {
        assertThat(PersonKey.of(first1, last1, BORN)).isEqualTo(PersonKey.of(first2, last2, BORN));
    }

    @Test
    void treatsDecomposedUmlautsLikeComposedOnes() {
        // "ü" typed as u + combining diaeresis (as macOS and some keyboards send it) is the same letter.
        assertThat(PersonKey.of("Gisela", "Mu\u0308ller", BORN)).isEqualTo(PersonKey.of("Gisela", "Müller", BORN));
        assertThat(PersonKey.of("Gisela", "Mu\u0308ller", BORN)).isEqualTo(PersonKey.of("Gisela", "Mueller", BORN));
    }

    @Test
    void distinguishesOtherBirthDatesAndOtherNames() {
        assertThat(PersonKey.of("Gisela", "Müller", BORN))
                .isNotEqualTo(PersonKey.of("Gisela", "Müller", BORN.plusDays(1)));
        assertThat(PersonKey.of("Gisela", "Müller", BORN)).isNotEqualTo(PersonKey.of("Gisela", "Miller", BORN));
        assertThat(PersonKey.of("Gisela", "Müller", BORN)).isNotEqualTo(PersonKey.of("Giselle", "Müller", BORN));
    }

    @Test
    void keepsFirstAndLastNameApart() {
        assertThat(PersonKey.of("Anna", "Maria Schmidt", BORN))
                .isNotEqualTo(PersonKey.of("Anna Maria", "Schmidt", BORN));
    }
}
