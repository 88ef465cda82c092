package de.impftermin.centres;

import org.jspecify.annotations.Nullable;

/** A vaccination centre as every module sees it. {@code phoneOnly} centres are booked through the hotline only. */
public record Centre(
        String id,
        String name,
        String county,
        String postalCode,
        String address,
        boolean phoneOnly,
        @Nullable String phone) {}
