package de.impftermin.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of booking codes over many generated codes and typings (QuickTheories shrinks a failing example). */
class BookingCodePropertyTests {

    private static final String CANONICAL = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    private static Gen<BookingCode> codes() {
        return integers().all().map(ignored -> BookingCode.random());
    }

    @Test
    void everyNewCodeIsCanonicalAndParsesToItself() {
        qt().withExamples(2_000).forAll(codes()).checkAssert(code -> {
            assertThat(code.value()).matches(CANONICAL);
            assertThat(BookingCode.parse(code.value())).contains(code);
        });
    }

    @Test
    void aCodeTypedInAnyCaseWithSpacesDashesAndLookAlikesIsTheSameCode() {
        qt().withExamples(2_000)
                .forAll(codes(), integers().between(0, 15))
                .checkAssert((code, typing) -> assertThat(BookingCode.parse(typed(code, typing)))
                        .as(typed(code, typing))
                        .contains(code));
    }

    @Test
    void parsingAnythingNeverFailsAndYieldsOnlyCanonicalCodes() {
        qt().withExamples(5_000)
                .forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(typed -> BookingCode.parse(typed)
                        .ifPresent(code -> assertThat(code.value()).matches(CANONICAL)));
    }

    @Test
    void parsingIsIdempotent() {
        qt().withExamples(5_000)
                .forAll(strings().betweenCodePoints(' ', 'z').ofLengthBetween(10, 20))
                .checkAssert(typed -> BookingCode.parse(typed)
                        .ifPresent(code ->
                                assertThat(BookingCode.parse(code.value())).contains(code)));
    }

    /** The code as a person might type it: bit 0 lower case, 1 no dashes, 2 spaces, 3 O/I/L for 0/1. */
    private static String typed(BookingCode code, int typing) {
        String text = code.value();
        if ((typing & 1) != 0) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if ((typing & 2) != 0) {
            text = text.replace("-", "");
        }
        if ((typing & 4) != 0) {
            text = " " + text.replace("-", " - ") + " ";
        }
        if ((typing & 8) != 0) {
            text = text.replace('0', 'O').replace('1', (typing & 1) != 0 ? 'l' : 'I');
        }
        return text;
    }
}
