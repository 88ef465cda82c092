package de.impftermin.portal.web;

import de.impftermin.shared.BerlinTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people read them, always in Europe/Berlin: German formats in German ("Montag, 10. Januar 2022",
 * "09:30 Uhr"), the same order in English ("Monday, 10 January 2022", "09:30"). Templates call it as
 * {@code @formats}.
 */
@Component("formats")
public class PortalFormats {

    private static final DateTimeFormatter LONG_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter LONG_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DE = DateTimeFormatter.ofPattern("EE, dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter SHORT_EN = DateTimeFormatter.ofPattern("EEE, dd.MM.yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_DE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter INPUT_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static boolean german() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    public String longDate(LocalDate date) {
        return (german() ? LONG_DE : LONG_EN).format(date);
    }

    public String shortDate(LocalDate date) {
        return (german() ? SHORT_DE : SHORT_EN).format(date);
    }

    public String month(LocalDate date) {
        return (german() ? MONTH_DE : MONTH_EN).format(date);
    }

    public String numericDate(LocalDate date) {
        return INPUT_DATE.format(date);
    }

    public String time(OffsetDateTime at) {
        String time = TIME.format(at.atZoneSameInstant(BerlinTime.ZONE));
        return german() ? time + " Uhr" : time;
    }

    public String time(Instant at) {
        return time(BerlinTime.show(at));
    }

    public String dateTime(OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(BerlinTime.ZONE).toLocalDate();
        return longDate(day) + (german() ? ", " : ", at ") + time(at);
    }

    public String dateTime(Instant at) {
        return dateTime(BerlinTime.show(at));
    }

    public String shortDateTime(OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(BerlinTime.ZONE).toLocalDate();
        return shortDate(day) + ", " + time(at);
    }

    public String shortDateTime(Instant at) {
        return shortDateTime(BerlinTime.show(at));
    }

    /** A day from a path segment ({@code 2026-12-07}); 404 as a refusal for anything else. */
    static java.time.LocalDate day(String date) {
        try {
            return java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw de.impftermin.platform.Refusal.notFound("Day");
        }
    }
}
