package de.impftermin.administration.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Printable invitation letters: one A4 page per code (Apache PDFBox), with a line for the recipient's name, the code
 * in large letters and how to book online and by phone. The fonts are PDF's standard Helvetica (nothing embedded, so
 * 10,000 letters stay small); they cover German text (WinAnsi), and a character outside it is printed as {@code ?}
 * rather than failing the whole batch.
 */
final class InvitationLetters {

    /** The texts of a letter, in the office page's language; {@code facts} and the steps are whole sentences. */
    record Texts(
            String title,
            String nameLine,
            String greeting,
            String facts,
            String codeLabel,
            String onlineHeading,
            List<String> onlineSteps,
            String phoneHeading,
            String phoneText,
            String closing) {}

    private static final float MARGIN = 72; // 25 mm
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private InvitationLetters() {}

    /** One line of text at its place on the page; the code's line has no text of its own. */
    private record Line(PDType1Font font, float size, float y, String text) {}

    private static final String CODE = "\u0000code";

    /** One page per code, in the order given. The layout is made once; each page only puts its code in. */
    static byte[] pdf(Texts texts, List<String> codes) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(printable(texts.title()));
            List<Line> layout = layout(texts);
            for (String code : codes) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Line line : layout) {
                        content.beginText();
                        content.setFont(line.font(), line.size());
                        content.newLineAtOffset(MARGIN, line.y());
                        content.showText(line.text().equals(CODE) ? code : line.text());
                        content.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letter top down, each paragraph wrapped at the page's text width. */
    private static List<Line> layout(Texts texts) throws IOException {
        List<Line> lines = new ArrayList<>();
        float[] y = {PDRectangle.A4.getHeight() - MARGIN};
        Paragraphs add = (text, font, size, spaceAfter) -> {
            List<String> wrapped = text.equals(CODE) ? List.of(CODE) : wrap(printable(text), font, size);
            for (String line : wrapped) {
                y[0] -= size * 1.35f;
                lines.add(new Line(font, size, y[0], line));
            }
            y[0] -= spaceAfter;
        };
        add.paragraph(texts.title(), BOLD, 16, 18);
        add.paragraph(texts.nameLine(), REGULAR, 11, 30);
        add.paragraph(texts.greeting(), REGULAR, 11, 10);
        add.paragraph(texts.facts(), REGULAR, 11, 18);
        add.paragraph(texts.codeLabel(), REGULAR, 11, 4);
        add.paragraph(CODE, BOLD, 26, 24);
        add.paragraph(texts.onlineHeading(), BOLD, 12, 6);
        for (int i = 0; i < texts.onlineSteps().size(); i++) {
            add.paragraph(
                    (i + 1) + ". " + texts.onlineSteps().get(i),
                    REGULAR,
                    11,
                    i == texts.onlineSteps().size() - 1 ? 18 : 4);
        }
        add.paragraph(texts.phoneHeading(), BOLD, 12, 6);
        add.paragraph(texts.phoneText(), REGULAR, 11, 24);
        add.paragraph(texts.closing(), REGULAR, 11, 0);
        return lines;
    }

    private interface Paragraphs {
        void paragraph(String text, PDType1Font font, float size, float spaceAfter) throws IOException;
    }

    static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with every character the standard fonts cannot show replaced by {@code ?}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String character = Character.toString(Character.isWhitespace(c) ? ' ' : c);
            try {
                REGULAR.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
