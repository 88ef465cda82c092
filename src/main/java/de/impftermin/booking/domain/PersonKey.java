package de.impftermin.booking.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Who counts as the same person for "one live booking per person": first and last name compared without case,
 * accents, spaces, hyphens or apostrophes (ü is ue, so Müller = Mueller = MÜLLER), plus the
 * birth date.
 */
public record PersonKey(String value) {

    public static PersonKey of(String firstName, String lastName, LocalDate birthDate) {
        return new PersonKey(normalise(firstName) + "|" + normalise(lastName) + "|" + birthDate);
    }

    static String normalise(String name) {
        // Composed first: an "ü" typed as u + combining diaeresis must become "ue" too, not "u".
        String lower = Normalizer.normalize(name, Normalizer.Form.NFC)
                .toLowerCase(Locale.GERMAN)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
