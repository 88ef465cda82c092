package de.impftermin.operations.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DayListCsvTests {

    @Test
    void quotesFieldsWithSeparatorsCommasQuotesOrLineBreaks() {
        assertThat(DayListCsv.field("Müller")).isEqualTo("Müller");
        assertThat(DayListCsv.field("Groß, von")).isEqualTo("\"Groß, von\"");
        assertThat(DayListCsv.field("a;b")).isEqualTo("\"a;b\"");
        assertThat(DayListCsv.field("Jürgen \"Jü\"")).isEqualTo("\"Jürgen \"\"Jü\"\"\"");
        assertThat(DayListCsv.field("zwei\nZeilen")).isEqualTo("\"zwei\nZeilen\"");
    }
}
