package de.impftermin.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar file (RFC 5545) with one event per appointment. Times are written in UTC, so every calendar shows
 * them correctly in its own zone, across daylight-saving changes too.
 */
public final class CalendarFile {

    public record Event(
            String uid, Instant start, Duration duration, String summary, String location, String description) {}

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFile() {}

    public static byte[] of(List<Event> events, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Impftermin//Booking//DE");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        for (Event event : events) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + escape(event.uid()));
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "DTSTART:" + UTC.format(event.start()));
            line(ics, "DTEND:" + UTC.format(event.start().plus(event.duration())));
            line(ics, "SUMMARY:" + escape(event.summary()));
            line(ics, "LOCATION:" + escape(event.location()));
            line(ics, "DESCRIPTION:" + escape(event.description()));
            line(ics, "BEGIN:VALARM");
            line(ics, "ACTION:DISPLAY");
            line(ics, "DESCRIPTION:" + escape(event.summary()));
            line(ics, "TRIGGER:-P1D");
            line(ics, "END:VALARM");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Writes a content line folded at 75 octets, as RFC 5545 requires. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            if (!first) {
                ics.append(' ');
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                    .append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            ics.append("\r\n");
        }
    }
}
