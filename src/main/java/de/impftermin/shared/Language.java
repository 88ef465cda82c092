package de.impftermin.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The languages the platform speaks to citizens. German is the default wherever nothing else was chosen; a language
 * tag with a region ({@code en-GB}, {@code de_AT}) counts as its language.
 */
public enum Language {
    DE(Locale.GERMAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The ISO 639-1 code, as stored and as written in JSON: {@code de} or {@code en}. */
    @JsonValue
    public String code() {
        return locale.getLanguage();
    }

    public static Optional<Language> find(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        for (Language candidate : values()) {
            if (candidate.code().equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The language of the locale, German for any other. */
    public static Language of(@Nullable Locale locale) {
        return locale == null ? DE : find(locale.toLanguageTag()).orElse(DE);
    }

    @JsonCreator
    public static Language fromJson(String tag) {
        return find(tag).orElseThrow(() -> new IllegalArgumentException("unknown language " + tag + " (de or en)"));
    }
}
