package de.impftermin.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be, after NIST SP 800-63B (5.1.1.2): at least 12 characters (counted as Unicode code
 * points, so an umlaut or an emoji is one) and at most {@value #MAX_LENGTH} bytes of UTF-8 (bcrypt's limit), no composition rules, and not one that attackers try first: a
 * known common or breached password, or the username itself. Plain Java, no Spring.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /**
     * In bytes of UTF-8: bcrypt, which stores the passwords, reads no more than 72 bytes, and Spring Security refuses
     * longer ones outright. 72 letters without accents (NIST asks for at least 64), an umlaut counts twice, an emoji
     * four times.
     */
    public static final int MAX_LENGTH = 72;

    /** Why a password is refused. */
    public enum Weakness {
        TOO_SHORT,
        TOO_LONG,
        COMMON,
        IS_USERNAME
    }

    /**
     * From the lists of the most common breached passwords (only those long enough to pass the length rule matter),
     * and what a German vaccination centre's staff would be tempted to choose.
     */
    private static final Set<String> COMMON = Set.of(
            "123456789012",
            "1234567890123",
            "12345678901234",
            "123456123456",
            "111111111111",
            "000000000000",
            "abcdefghijkl",
            "qwertyuiopas",
            "qwertzuiopü+",
            "qwertzuiopasdf",
            "qwerty123456",
            "1q2w3e4r5t6y",
            "password1234",
            "password123!",
            "passwort1234",
            "passwortpasswort",
            "passwordpassword",
            "iloveyou1234",
            "administrator",
            "administrator1",
            "adminadminadmin",
            "letmein12345",
            "welcome12345",
            "willkommen123",
            "willkommen1234",
            "sommer2021!!",
            "impftermin2021",
            "impftermin2022",
            "impfzentrum2021",
            "impfzentrum123",
            "correcthorsebatterystaple",
            "changeme1234");

    private PasswordPolicy() {}

    /** The first rule {@code password} breaks, or empty when it may be used by {@code username}. */
    public static Optional<Weakness> check(String username, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of(Weakness.TOO_LONG);
        }
        String normalised = password.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Weakness.IS_USERNAME);
        }
        if (COMMON.contains(normalised) || COMMON.contains(normalised.replace(" ", ""))) {
            return Optional.of(Weakness.COMMON);
        }
        return Optional.empty();
    }
}
