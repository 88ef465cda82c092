package de.impftermin.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingCodeTests {

    @Test
    void randomCodesUseTwelveSymbolsOfAnUnambiguousAlphabetInGroupsOfFour() {
        for (int i = 0; i < 10_000; i++) {
            String code = BookingCode.random().value();
            assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").doesNotContainPattern("[ILOU]");
        }
    }

    @Test
    void carriesAtLeastSixtyRandomBits() {
        // 12 symbols of a 32-letter alphabet are 60 bits; every symbol must actually occur at every position.
        Set<Character> symbols = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = BookingCode.random().value().replace("-", "");
            codes.add(code);
            for (char c : code.toCharArray()) {
                symbols.add(c);
            }
        }
        assertThat(symbols).hasSize(32);
        assertThat(codes).hasSize(20_000);
        assertThat(12 * (Math.log(symbols.size()) / Math.log(2))).isGreaterThanOrEqualTo(60);
    }

    @Test
    void readsACodeAsPeopleTypeIt() {
        assertThat(BookingCode.parse("k7qm 3xta 9p1w")).contains(new BookingCode("K7QM-3XTA-9P1W"));
        assertThat(BookingCode.parse(" K7QM3XTA9P1W ")).contains(new BookingCode("K7QM-3XTA-9P1W"));
        assertThat(BookingCode.parse("K7QM-3XTA-9P1W")).contains(new BookingCode("K7QM-3XTA-9P1W"));
    }

    @Test
    void readsLettersThatLookLikeDigitsAsTheDigits() {
        assertThat(BookingCode.parse("K7QM-3XTA-9PLW")).contains(new BookingCode("K7QM-3XTA-9P1W"));
        assertThat(BookingCode.parse("K7QM-3XTA-9PIW")).contains(new BookingCode("K7QM-3XTA-9P1W"));
        assertThat(BookingCode.parse("KOQM-3XTA-9P1W")).contains(new BookingCode("K0QM-3XTA-9P1W"));
    }

    @Test
    void everyGeneratedCodeParsesToItself() {
        for (int i = 0; i < 1000; i++) {
            BookingCode code = BookingCode.random();
            assertThat(BookingCode.parse(code.value().toLowerCase())).contains(code);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "K7QM-3XTA-9P1",
                "K7QM-3XTA-9P1WX",
                "K7QM-3XTA-9PUW",
                "K7QM-3XTA-9P!W",
                "K7QM_3XTA_9P1W",
                "K7QM-3XTA-9P1W-K7QM-3XTA-9P1W-K7QM-3XTA-9P1W"
            })
    void refusesWhatCannotBeABookingCode(String typed) {
        assertThat(BookingCode.parse(typed)).isEmpty();
    }
}
