package de.impftermin.privacy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What one run of the retention job deleted or anonymised, by kind of record. */
public record RetentionRun(Map<Kind, Integer> counts) {

    /** The kinds of record with a period of their own, in the order the job processes them. */
    public enum Kind {
        BOOKINGS("bookings"),
        VERIFICATIONS("verifications"),
        OUTBOX("outbox"),
        CALL_BACKS("call-backs"),
        WAITLIST("waitlist"),
        AUDIT("audit");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public RetentionRun {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public int of(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The counts as the audit entry states them: {@code bookings 3, verifications 12, …}, no data. */
    String detail() {
        return counts.entrySet().stream()
                .map(e -> e.getKey().label + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
