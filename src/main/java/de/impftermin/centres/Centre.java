package de.impftermin.centres;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A vaccination centre as every module sees it. {@code phoneOnly} centres are booked through the hotline only; a
 * centre with a {@code closure} takes no new bookings and tells citizens why.
 */
public record Centre(
        String id,
        String name,
        String county,
        String postalCode,
        String address,
        boolean phoneOnly,
        @Nullable String phone,
        @Nullable Closure closure) {

    /** Since when the centre is closed and the office's note for citizens, in plain words. */
    public record Closure(Instant at, String note) {}

    /** An open centre. */
    public Centre(
            String id,
            String name,
            String county,
            String postalCode,
            String address,
            boolean phoneOnly,
            @Nullable String phone) {
        this(id, name, county, postalCode, address, phoneOnly, phone, null);
    }

    public boolean closed() {
        return closure != null;
    }
}
