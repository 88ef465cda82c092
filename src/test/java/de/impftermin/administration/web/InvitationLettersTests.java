package de.impftermin.administration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvitationLettersTests {

    private static final InvitationLetters.Texts TEXTS = new InvitationLetters.Texts(
            "Ihre Einladung",
            "An: ____",
            "Guten Tag,",
            "für Sie sind Termine im Impfzentrum Lüdenscheid-Süd (Hohe Straße 5, 58511) zurückgelegt, "
                    + "und dieser Satz ist lang genug, dass er auf der Seite umbrochen werden muss, damit nichts "
                    + "über den Rand hinausläuft.",
            "Ihr Code:",
            "Im Internet",
            List.of("Öffnen Sie die Seite.", "Geben Sie den Code ein."),
            "Am Telefon",
            "Rufen Sie 116 117 an.",
            "Bis bald.");

    @Test
    void printsOnePagePerCodeWithTheCodeAndTheUmlauts() throws IOException {
        byte[] pdf = InvitationLetters.pdf(TEXTS, List.of("ABCD-EFGH-JKMNP", "QRST-UVWX-YZ234"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);

            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
            assertThat(second).contains("QRST-UVWX-YZ234", "Lüdenscheid-Süd", "Hohe Straße 5", "116 117");
            assertThat(second).doesNotContain("ABCD-EFGH-JKMNP");
        }
    }

    @Test
    void aCharacterTheStandardFontLacksIsPrintedAsAQuestionMarkInsteadOfFailingTheBatch() {
        assertThat(InvitationLetters.printable("Łódź – Straße")).isEqualTo("?ód? – Straße");
    }

    @Test
    void printsTenThousandLettersInSeconds() throws IOException {
        List<String> codes = IntStream.range(0, 10_000)
                .mapToObj(i ->
                        String.format("ABCD-EFGH-%05d", i).replace('0', '2').replace('1', '3'))
                .toList();

        long started = System.nanoTime();
        byte[] pdf = InvitationLetters.pdf(TEXTS, codes);
        long millis = (System.nanoTime() - started) / 1_000_000;

        String line = "10000 invitation letters (PDF, A4) in " + millis + " ms, " + pdf.length / 1024 + " KiB";
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "invitation-letters-timing.txt"), line + "\n");
        assertThat(millis).isLessThan(60_000);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(10_000);
        }
    }
}
