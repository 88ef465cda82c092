package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.BerlinTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFileTests {

    private static final Instant NOW = Instant.parse("2022-01-01T12:00:00Z");

    @Test
    void writesEveryAppointmentAsAnEventInUtc() {
        String ics = text(List.of(
                event("a@impftermin", BerlinTime.at(LocalDate.of(2022, 3, 21), LocalTime.of(9, 30)), "1. Impfung"),
                event("b@impftermin", BerlinTime.at(LocalDate.of(2022, 4, 11), LocalTime.of(9, 30)), "2. Impfung")));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("DTSTART:20220321T083000Z\r\n", "DTSTART:20220411T073000Z\r\n");
        assertThat(ics).contains("DTEND:20220321T090000Z\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void escapesCommasSemicolonsBackslashesAndNewlines() {
        String ics = unfolded(List.of(new CalendarFile.Event(
                "x@impftermin",
                NOW,
                Duration.ofMinutes(30),
                "Impfung; Gisela, Müller",
                "Halle 3\\Eingang B\nTreffpunkt Altstadt",
                "Zeile 1\r\nZeile 2")));

        assertThat(ics).contains("SUMMARY:Impfung\\; Gisela\\, Müller\r\n");
        assertThat(ics).contains("LOCATION:Halle 3\\\\Eingang B\\nTreffpunkt Altstadt\r\n");
        assertThat(ics).contains("DESCRIPTION:Zeile 1\\nZeile 2\r\n");
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingCharacters() {
        String longSummary = "Impfung für " + "Jürgen Müller-Lüdenscheidt, ".repeat(12);
        byte[] file = CalendarFile.of(
                List.of(new CalendarFile.Event("f@impftermin", NOW, Duration.ofMinutes(30), longSummary, "Ort", "")),
                NOW);
        String ics = new String(file, StandardCharsets.UTF_8);

        assertThat(ics).doesNotContain("\uFFFD");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(Arrays.stream(ics.split("\r\n"))
                        .filter(l -> l.startsWith(" "))
                        .count())
                .isGreaterThan(3);
        String summary = unfold(ics)
                .lines()
                .filter(l -> l.startsWith("SUMMARY:"))
                .findFirst()
                .orElseThrow();
        assertThat(summary).isEqualTo("SUMMARY:" + longSummary.replace(",", "\\,"));
    }

    private static CalendarFile.Event event(String uid, Instant start, String summary) {
        return new CalendarFile.Event(uid, start, Duration.ofMinutes(30), summary, "Impfzentrum", "Buchungscode X");
    }

    private static String text(List<CalendarFile.Event> events) {
        return new String(CalendarFile.of(events, NOW), StandardCharsets.UTF_8);
    }

    private static String unfolded(List<CalendarFile.Event> events) {
        return unfold(text(events));
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }
}
