package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the pages use exists in German and in English, so that no page shows a raw key such as
 * {@code choice.error.notEligible} (which one did, in both languages, until this test). Keys are found where pages
 * name them: {@code #{key}} in templates (and {@code #{'prefix.' + …}} as a prefix), and key-shaped string literals in
 * the web adapters ({@code errors.add("time", "choose.error.gone")}); a literal ending in a dot is a prefix.
 */
class MessageKeysTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java/de/impftermin");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?([a-zA-Z][a-zA-Z0-9_.]*)");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+\\.?)\"");
    /** Key-shaped literals in web adapters that are not message keys. */
    private static final Set<String> NOT_KEYS = Set.of("dd.MM.yyyy");

    /** Every bundle of {@code spring.messages.basename}: the pages' and the hotline console's. */
    private static final List<String> BUNDLES = List.of("messages", "console");

    private final Properties german = load("");
    private final Properties english = load("_en");

    @Test
    void germanAndEnglishHaveTheSameKeys() {
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .as("English keys")
                .containsExactlyElementsOf(new TreeSet<>(german.stringPropertyNames()));
    }

    @Test
    void everyKeyATemplateUsesExistsInBothLanguages() throws IOException {
        assertThat(unresolved(files(TEMPLATES, ".html"), TEMPLATE_KEY)).isEmpty();
    }

    @Test
    void everyKeyAWebAdapterUsesExistsInBothLanguages() throws IOException {
        List<Path> adapters = files(SOURCES, ".java").stream()
                .filter(p -> p.toString().contains("/web/") || p.toString().contains("/console/"))
                .toList();
        assertThat(adapters).isNotEmpty();
        assertThat(unresolved(adapters, KEY_LITERAL)).isEmpty();
    }

    @Test
    void findsAKeyThatIsMissing() {
        assertThat(resolves("choice.error.notEligible")).isFalse();
        assertThat(resolves("choose.error.notEligible")).isTrue();
        assertThat(resolves("choose.error.")).isTrue();
    }

    private Set<String> unresolved(List<Path> files, Pattern pattern) throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : files) {
            Matcher matcher = pattern.matcher(Files.readString(file));
            while (matcher.find()) {
                String key = matcher.group(1);
                if (!NOT_KEYS.contains(key) && !resolves(key)) {
                    missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        return missing;
    }

    private boolean resolves(String key) {
        return key.endsWith(".")
                ? german.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                        && english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                : german.containsKey(key) && english.containsKey(key);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Properties load(String suffix) {
        Properties properties = new Properties();
        for (String bundle : BUNDLES) {
            String name = bundle + suffix + ".properties";
            try (InputStream in = MessageKeysTests.class.getClassLoader().getResourceAsStream(name)) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
