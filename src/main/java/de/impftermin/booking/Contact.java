package de.impftermin.booking;

import de.impftermin.shared.Language;
import org.jspecify.annotations.Nullable;

/** Where confirmations and reminders go (at least one of the two), and the language they are written in. */
public record Contact(@Nullable String phone, @Nullable String email, Language language) {

    /** A contact written to in German, the default. */
    public Contact(@Nullable String phone, @Nullable String email) {
        this(phone, email, Language.DE);
    }
}
