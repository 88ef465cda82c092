package de.impftermin.portal.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A date as people type it: 3.5.1941, 03.05.1941 or 1941-05-03. */
final class DateInput {

    private static final Pattern GERMAN = Pattern.compile("\\s*(\\d{1,2})\\.\\s*(\\d{1,2})\\.\\s*(\\d{4})\\s*");
    private static final Pattern ISO = Pattern.compile("\\s*(\\d{4})-(\\d{2})-(\\d{2})\\s*");

    private DateInput() {}

    static Optional<LocalDate> parse(String typed) {
        try {
            Matcher german = GERMAN.matcher(typed);
            if (german.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(german.group(3)),
                        Integer.parseInt(german.group(2)),
                        Integer.parseInt(german.group(1))));
            }
            Matcher iso = ISO.matcher(typed);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A birth date: a real date, not in the future, not before 1900. */
    static Optional<LocalDate> birthDate(String typed, LocalDate today) {
        return parse(typed).filter(d -> !d.isAfter(today) && d.getYear() >= 1900);
    }
}
