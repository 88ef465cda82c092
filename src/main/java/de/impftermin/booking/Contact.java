package de.impftermin.booking;

import org.jspecify.annotations.Nullable;

/** Where confirmations and reminders go; at least one of the two. */
public record Contact(@Nullable String phone, @Nullable String email) {}
