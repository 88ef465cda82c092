package de.impftermin.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binds an instant as a {@code timestamptz} parameter, independent of the JVM's and the session's time zone. */
public final class SqlTimes {

    private SqlTimes() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
