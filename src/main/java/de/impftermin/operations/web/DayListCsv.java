package de.impftermin.operations.web;

import de.impftermin.operations.DayListEntry;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The day list as CSV for German Excel: UTF-8 with a byte-order mark (so umlauts open correctly), {@code ;} between
 * fields, CRLF line ends, fields with {@code ;}, {@code ,}, quotes or line breaks quoted, quotes doubled (RFC 4180).
 */
final class DayListCsv {

    static final String HEADER = "reference;startsAt;dose;firstName;lastName;birthDate;bookingCode;status";

    private DayListCsv() {}

    static byte[] write(List<DayListEntry> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (DayListEntry e : entries) {
            csv.append(String.join(
                            ";",
                            field(e.reference()),
                            field(e.startsAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                            String.valueOf(e.dose()),
                            field(e.firstName()),
                            field(e.lastName()),
                            e.birthDate().toString(),
                            field(e.bookingCode()),
                            e.status().name()))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String value) {
        if (value.chars().anyMatch(c -> c == ';' || c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
