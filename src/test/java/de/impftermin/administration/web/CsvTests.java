package de.impftermin.administration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.cell("Teststraße 1, 46282")).isEqualTo("\"Teststraße 1, 46282\"");
        assertThat(Csv.cell("sagte \"nein\"")).isEqualTo("\"sagte \"\"nein\"\"\"");
        assertThat(Csv.cell("zwei\nZeilen")).isEqualTo("\"zwei\nZeilen\"");
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(Csv.cell("+49170")).isEqualTo("'+49170");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("2022-01-10")).isEqualTo("2022-01-10");
    }

    @Test
    void writesUtf8WithAByteOrderMarkSoThatUmlautsSurvive() {
        byte[] body = Csv.download("x.csv", List.of("name"), List.of(List.of("Münster")))
                .getBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("\uFEFFname\r\nMünster\r\n");
    }
}
