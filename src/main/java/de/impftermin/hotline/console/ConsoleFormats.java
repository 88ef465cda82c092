package de.impftermin.hotline.console;

import de.impftermin.shared.BerlinTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times in Europe/Berlin as the console shows them ({@code @consoleFormats} in the templates). */
@Component("consoleFormats")
class ConsoleFormats {

    private static final DateTimeFormatter DAY_DE = DateTimeFormatter.ofPattern("EE, dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE, dd.MM.yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter LONG_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static boolean german() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    public String date(LocalDate day) {
        return ConsoleDates.show(day);
    }

    public String day(LocalDate day) {
        return (german() ? DAY_DE : DAY_EN).format(day);
    }

    public String longDay(OffsetDateTime at) {
        return (german() ? LONG_DE : LONG_EN).format(at.atZoneSameInstant(BerlinTime.ZONE));
    }

    public String time(OffsetDateTime at) {
        String time = TIME.format(at.atZoneSameInstant(BerlinTime.ZONE));
        return german() ? time + " Uhr" : time;
    }

    public String time(Instant at) {
        return time(BerlinTime.show(at));
    }

    public String dateTime(OffsetDateTime at) {
        return day(at.atZoneSameInstant(BerlinTime.ZONE).toLocalDate()) + ", " + time(at);
    }

    public String dateTime(Instant at) {
        return dateTime(BerlinTime.show(at));
    }
}
