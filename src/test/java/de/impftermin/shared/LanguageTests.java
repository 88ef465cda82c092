package de.impftermin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTests {

    @Test
    void readsLanguageTagsWithOrWithoutRegion() {
        assertThat(Language.find("en-GB")).contains(Language.EN);
        assertThat(Language.find("de_AT")).contains(Language.DE);
        assertThat(Language.find(" EN ")).contains(Language.EN);
        assertThat(Language.find("fr")).isEmpty();
        assertThat(Language.find(null)).isEmpty();
    }

    @Test
    void fallsBackToGermanForOtherLocales() {
        assertThat(Language.of(Locale.FRENCH)).isEqualTo(Language.DE);
        assertThat(Language.of(Locale.UK)).isEqualTo(Language.EN);
        assertThat(Language.of(null)).isEqualTo(Language.DE);
    }

    @Test
    void refusesUnknownLanguagesInJson() {
        assertThat(Language.fromJson("en")).isEqualTo(Language.EN);
        assertThat(Language.EN.code()).isEqualTo("en");
        assertThatThrownBy(() -> Language.fromJson("klingon")).isInstanceOf(IllegalArgumentException.class);
    }
}
