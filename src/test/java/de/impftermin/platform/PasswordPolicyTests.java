package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.PasswordPolicy.Weakness;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsTwelveCharactersWithoutCompositionRules() {
        assertThat(PasswordPolicy.check("erna", "abcdefghijkm")).isEmpty();
        assertThat(PasswordPolicy.check("erna", "impfbus fährt um acht")).isEmpty();
    }

    @Test
    void countsCodePointsNotJavaChars() {
        assertThat(PasswordPolicy.check("erna", "🐝".repeat(11))).contains(Weakness.TOO_SHORT);
        assertThat(PasswordPolicy.check("erna", "🐝".repeat(12))).isEmpty();
    }

    @Test
    void refusesWhatBcryptCannotHashWholeAsTooLong() {
        assertThat(PasswordPolicy.check("erna", "x".repeat(72))).isEmpty();
        assertThat(PasswordPolicy.check("erna", "x".repeat(73))).contains(Weakness.TOO_LONG);
        assertThat(PasswordPolicy.check("erna", "ä".repeat(36))).isEmpty();
        assertThat(PasswordPolicy.check("erna", "ä".repeat(37))).contains(Weakness.TOO_LONG);
        assertThat(PasswordPolicy.check("erna", "🐝".repeat(18))).isEmpty();
        assertThat(PasswordPolicy.check("erna", "🐝".repeat(19))).contains(Weakness.TOO_LONG);
    }

    @Test
    void refusesShortLongCommonAndTheUsername() {
        assertThat(PasswordPolicy.check("erna", "elf Zeichen")).contains(Weakness.TOO_SHORT);
        assertThat(PasswordPolicy.check("erna", "x".repeat(129))).contains(Weakness.TOO_LONG);
        assertThat(PasswordPolicy.check("erna", "Password1234")).contains(Weakness.COMMON);
        assertThat(PasswordPolicy.check("erna", "Impftermin 2021")).contains(Weakness.COMMON);
        assertThat(PasswordPolicy.check("erna.muster-1", "Erna.Muster-1")).contains(Weakness.IS_USERNAME);
    }
}
