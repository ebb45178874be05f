package dev.cairn.plugin.scoping.export;

import dev.cairn.plugin.scoping.export.ScopingReport.Bullets;
import dev.cairn.plugin.scoping.export.ScopingReport.Field;
import dev.cairn.plugin.scoping.export.ScopingReport.Text;
import java.io.ByteArrayOutputStream;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/** Renders a report as an A4 PDF with OpenPDF. Text is laid out as text: nothing in it is interpreted. */
final class PdfRenderer {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 9);

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

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text.strip();
    }
}
