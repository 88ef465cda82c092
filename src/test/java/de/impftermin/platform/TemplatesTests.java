package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows no inline script or style ({@link SecurityHeaders}), so no page may have one:
 * every template and every page built in Java is scanned for inline {@code <script>} and {@code <style>} elements,
 * {@code style} attributes (also Thymeleaf's {@code th:style}), event handler attributes ({@code onclick} …) and
 * {@code javascript:} addresses. A browser would refuse each of them, silently for the person using the page.
 */
class TemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<Pattern> INLINE = List.of(
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(th:|data-th-)?style\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

    @Test
    void noTemplateHasAnInlineScriptStyleOrEventHandler() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        for (Path template : templates) {
            found.addAll(inline(template.toString(), Files.readString(template, StandardCharsets.UTF_8)));
        }
        assertThat(templates).hasSizeGreaterThan(40);
        assertThat(found).isEmpty();
    }

    @Test
    void theOverloadPageBuiltInJavaHasNoInlineStyle() {
        assertThat(inline("OverloadProtection.page", OverloadProtection.page(5)))
                .isEmpty();
    }

    @Test
    void theScanFindsEveryKindOfInlineCode() {
        String page = """
                <script>alert(1)</script><style>p{}</style><p style="color:red" th:style="x"
                onclick="go()"><a href="javascript:go()">x</a><script src="/js/ok.js"></script>
                """;
        assertThat(inline("sample", page)).hasSize(6);
    }

    private static List<String> inline(String name, String html) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : INLINE) {
            Matcher matcher = pattern.matcher(html);
            while (matcher.find()) {
                found.add(name + ": " + matcher.group().strip());
            }
        }
        return found;
    }
}
