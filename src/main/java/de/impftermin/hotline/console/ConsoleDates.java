package de.impftermin.hotline.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates as agents type them, fast: {@code 03.05.1941}, {@code 3.5.1941}, {@code 03051941} or {@code 1941-05-03}.
 */
final class ConsoleDates {

    /** What the forms' patterns accept; {@link #parse} decides whether it is a real date. */
    static final String FORMAT = "(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{8}|\\d{4}-\\d{2}-\\d{2})";

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern DIGITS = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private ConsoleDates() {}

    static Optional<LocalDate> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            Matcher m = DOTTED.matcher(s);
            if (m.matches() || (m = DIGITS.matcher(s)).matches()) {
                return Optional.of(LocalDate.of(number(m, 3), number(m, 2), number(m, 1)));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String show(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
