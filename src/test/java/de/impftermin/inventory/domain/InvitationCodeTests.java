package de.impftermin.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationCodeTests {

    @Test
    void carriesMoreThanSixtyBits() {
        double bits = InvitationCode.LENGTH * Math.log(InvitationCode.ALPHABET.length()) / Math.log(2);

        assertThat(bits).isGreaterThan(64);
    }

    @Test
    void usesNoCharactersThatLookAlike() {
        assertThat(InvitationCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void generatesDistinctCodesShownInGroups() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(InvitationCode.generate().shown());
        }

        assertThat(codes)
                .hasSize(10_000)
                .allMatch(c -> c.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5}"));
    }

    @Test
    void acceptsACodeTypedInAnyCaseWithSpacesOrHyphens() {
        InvitationCode code = InvitationCode.generate();
        String typed = " " + code.shown().toLowerCase().replace("-", " - ") + " ";

        assertThat(InvitationCode.parse(typed)).contains(code);
        assertThat(InvitationCode.parse(typed).orElseThrow().hash()).isEqualTo(code.hash());
    }

    @Test
    void refusesWhatIsNotACode() {
        assertThat(InvitationCode.parse("ABCD-EFGH-JKMN")).isEmpty();
        assertThat(InvitationCode.parse("ABCD-EFGH-JKMN0")).isEmpty();
        assertThat(InvitationCode.parse("")).isEmpty();
        assertThatThrownBy(() -> new InvitationCode("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesAHashThatDoesNotContainTheCode() {
        InvitationCode code = InvitationCode.generate();

        assertThat(code.hash()).hasSize(64).doesNotContain(code.value());
    }
}
