package dev.cairn.plugin.scoping.export;

import dev.cairn.plugin.scoping.export.ScopingReport.Bullets;
import dev.cairn.plugin.scoping.export.ScopingReport.Field;
import dev.cairn.plugin.scoping.export.ScopingReport.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;

/** Renders a report as an A4 PDF with OpenPDF. Text is laid out as text: nothing in it is interpreted. */
final class PdfRenderer {

    // DejaVu Sans (embedded, Unicode): Helvetica would drop every letter outside Latin-1, and the
    // document is written in the team's own words and alphabets. DejaVu has no CJK glyphs.
    private static final BaseFont REGULAR = font("DejaVuSans.ttf");
    private static final BaseFont BOLD = font("DejaVuSans-Bold.ttf");
    private static final Font TITLE = new Font(BOLD, 18);
    private static final Font HEADING = new Font(BOLD, 13);
    private static final Font LABEL = new Font(BOLD, 10);
    private static final Font BODY = new Font(REGULAR, 10);
    private static final Font SMALL = new Font(REGULAR, 9);

    private PdfRenderer() {
    }

    static byte[] render(ScopingReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.open();
        document.add(new Paragraph(report.title(), TITLE));
        report.subtitle().forEach(line -> document.add(new Paragraph(line, SMALL)));
        for (var section : report.sections()) {
            Paragraph heading = new Paragraph(section.heading(), HEADING);
            heading.setSpacingBefore(14);
            heading.setSpacingAfter(4);
            document.add(heading);
            for (var block : section.blocks()) {
                switch (block) {
                    case Text text -> document.add(new Paragraph(orDash(text.text()), BODY));
                    case Field field -> {
                        Paragraph line = new Paragraph();
                        line.add(new Chunk(field.label() + ": ", LABEL));
                        line.add(new Chunk(orDash(field.value()), BODY));
                        line.setSpacingAfter(3);
                        document.add(line);
                    }
                    case Bullets bullets -> {
                        org.openpdf.text.List list = new org.openpdf.text.List(false, 12);
                        bullets.items().forEach(item -> list.add(new ListItem(item, BODY)));
                        document.add(list);
                    }
                }
            }
        }
        document.close();
        return out.toByteArray();
    }

    private static BaseFont font(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is missing from the scoping plugin");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + file, e);
        }
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text.strip();
    }
}
