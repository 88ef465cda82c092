package de.impftermin.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SpellingTests {

    @Test
    void spellsACodeWithTheGermanSpellingAlphabetGroupByGroup() {
        assertThat(Spelling.spell("K7QM-3XTA-9PLW", Locale.GERMAN))
                .containsExactly(
                        List.of("K wie Kaufmann", "7 – Sieben", "Q wie Quelle", "M wie Martha"),
                        List.of("3 – Drei", "X wie Xanthippe", "T wie Theodor", "A wie Anton"),
                        List.of("9 – Neun", "P wie Paula", "L wie Ludwig", "W wie Wilhelm"));
    }

    @Test
    void spellsWithTheIcaoAlphabetInEnglish() {
        assertThat(Spelling.spell("Z0-Y", Locale.ENGLISH))
                .containsExactly(List.of("Z as in Zulu", "0 – zero"), List.of("Y as in Yankee"));
    }
}
