package de.impftermin.shared;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reason staff gave for a change citizens are told about (a cancelled day: "Der Impfstoff wurde nicht geliefert."),
 * in plain words, in German and, where they wrote one, in English.
 */
public record StatedReason(String german, @Nullable String english) {

    public StatedReason {
        german = german.strip();
        english = english == null || english.isBlank() ? null : english.strip();
    }

    /** The reason in {@code language}, if it was given in that language. */
    public Optional<String> in(Language language) {
        return Optional.ofNullable(language == Language.EN ? english : german);
    }
}
