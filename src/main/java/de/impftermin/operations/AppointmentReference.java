package de.impftermin.operations;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one dose appointment of one person of a booking: {@code <booking code>-<person, from 1>-<dose>}, e.g.
 * {@code K7Q2-M4TX-2-1} for the 2nd person's 1st dose. Stable for the booking's life; a moved booking gets a new code.
 */
public record AppointmentReference(String bookingCode, int person, int dose) {

    private static final Pattern FORM = Pattern.compile("(.{1,40})-([1-4])-([12])");

    public static Optional<AppointmentReference> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new AppointmentReference(m.group(1), Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(3))));
    }

    public String value() {
        return bookingCode + "-" + (person + 1) + "-" + dose;
    }
}
