package de.impftermin.booking.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A booking code like {@code K7QM-3XTA-9PLW}: 12 symbols of Crockford's base32 (60 random bits), which has no
 * I, L, O or U; when typed, O is read as 0 and I/L as 1, dashes and spaces are ignored, case does not matter.
 */
public record BookingCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static BookingCode random() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return new BookingCode(code.toString());
    }

    /** The code as a person may have typed it, in canonical form; empty if it cannot be a booking code. */
    public static Optional<BookingCode> parse(String typed) {
        if (typed.length() > 40) {
            return Optional.empty();
        }
        String cleaned = typed.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (cleaned.length() != 12 || !cleaned.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(
                new BookingCode(cleaned.substring(0, 4) + "-" + cleaned.substring(4, 8) + "-" + cleaned.substring(8)));
    }

    @Override
    public String toString() {
        return value;
    }
}
