package de.impftermin.notifications;

import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Language;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of every message, from the bundles {@code notifications/messages*.properties} (German is the base, English
 * in {@code _en}). Kept apart from the portal's page texts so that each can change without the other. Every text goes
 * through {@link java.text.MessageFormat}: a literal apostrophe is written {@code ''}. Times are shown in
 * Europe/Berlin, in the language's own format.
 */
@Component
class MessageTexts {

    private static final DateTimeFormatter WHEN_DE =
            DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, 'um' HH:mm 'Uhr'", Language.DE.locale());
    private static final DateTimeFormatter WHEN_EN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, 'at' HH:mm", Language.EN.locale());
    private static final DateTimeFormatter SHORT_DE =
            DateTimeFormatter.ofPattern("EE dd.MM.yy, HH:mm 'Uhr'", Language.DE.locale());
    private static final DateTimeFormatter SHORT_EN =
            DateTimeFormatter.ofPattern("EEE d MMM yy, HH:mm", Language.EN.locale());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

    MessageTexts() {
        bundle.setBasename("notifications/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setAlwaysUseMessageFormat(true);
    }

    String text(Language language, String key, Object... args) {
        return bundle.getMessage(key, args, language.locale());
    }

    /** A full date and time, e.g. {@code Montag, 10. Januar 2022, um 09:30 Uhr}. */
    String when(Language language, Instant instant) {
        return (language == Language.EN ? WHEN_EN : WHEN_DE).format(instant.atZone(BerlinTime.ZONE));
    }

    /** A date and time short enough for an SMS, e.g. {@code Mo. 10.01.22, 09:30 Uhr}. */
    String shortWhen(Language language, Instant instant) {
        return (language == Language.EN ? SHORT_EN : SHORT_DE).format(instant.atZone(BerlinTime.ZONE));
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(BerlinTime.ZONE));
    }

    /** {@code 1. Impfung}, {@code 2nd vaccination}, or just the vaccination of a single-dose vaccine. */
    String dose(Language language, BookingNotice.Visit visit) {
        String key = visit.vaccine().hasSecondDose() ? "dose." + visit.dose() : "dose.single";
        return text(language, key);
    }
}
