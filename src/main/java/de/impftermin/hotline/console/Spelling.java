package de.impftermin.hotline.console;

import java.util.List;
import java.util.Locale;

/**
 * A booking code spelled out for reading aloud on the phone: German with the spelling alphabet of DIN 5009
 * ("K wie Kaufmann"), English with the ICAO alphabet ("K as in Kilo"); the code's groups stay apart.
 */
final class Spelling {

    private static final List<String> GERMAN = List.of(
            "Anton",
            "Berta",
            "Cäsar",
            "Dora",
            "Emil",
            "Friedrich",
            "Gustav",
            "Heinrich",
            "Ida",
            "Julius",
            "Kaufmann",
            "Ludwig",
            "Martha",
            "Nordpol",
            "Otto",
            "Paula",
            "Quelle",
            "Richard",
            "Samuel",
            "Theodor",
            "Ulrich",
            "Viktor",
            "Wilhelm",
            "Xanthippe",
            "Ypsilon",
            "Zacharias");
    private static final List<String> ENGLISH = List.of(
            "Alfa",
            "Bravo",
            "Charlie",
            "Delta",
            "Echo",
            "Foxtrot",
            "Golf",
            "Hotel",
            "India",
            "Juliett",
            "Kilo",
            "Lima",
            "Mike",
            "November",
            "Oscar",
            "Papa",
            "Quebec",
            "Romeo",
            "Sierra",
            "Tango",
            "Uniform",
            "Victor",
            "Whiskey",
            "X-ray",
            "Yankee",
            "Zulu");
    private static final List<String> DIGITS_DE =
            List.of("Null", "Eins", "Zwei", "Drei", "Vier", "Fünf", "Sechs", "Sieben", "Acht", "Neun");
    private static final List<String> DIGITS_EN =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    private Spelling() {}

    /** One entry per group of the code, each a list of spoken symbols. */
    static List<List<String>> spell(String code, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.of(code.split("-")).stream()
                .map(group ->
                        group.chars().mapToObj(c -> word((char) c, english)).toList())
                .toList();
    }

    private static String word(char c, boolean english) {
        if (Character.isDigit(c)) {
            return c + " – " + (english ? DIGITS_EN : DIGITS_DE).get(c - '0');
        }
        char upper = Character.toUpperCase(c);
        if (upper < 'A' || upper > 'Z') {
            return String.valueOf(c);
        }
        String name = (english ? ENGLISH : GERMAN).get(upper - 'A');
        return upper + (english ? " as in " : " wie ") + name;
    }
}
