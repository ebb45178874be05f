package dev.cairn.plugin.scoping.export;

import dev.cairn.plugin.scoping.export.ScopingReport.Bullets;
import dev.cairn.plugin.scoping.export.ScopingReport.Field;
import dev.cairn.plugin.scoping.export.ScopingReport.Text;

/**
 * Renders a report as CommonMark. The renderer alone makes structure (the title, one heading per
 * section, labelled paragraphs, lists); user text is written through {@link MarkdownText}, so a
 * field shows as written and cannot add a heading, a list, a block quote, code, a link or HTML.
 */
final class MarkdownRenderer {

    /** Shown for a field left empty, so that "not written" is visible. */
    static final String EMPTY = "—";

    private MarkdownRenderer() {
    }

    static String render(ScopingReport report) {
        StringBuilder md = new StringBuilder("# ").append(MarkdownText.singleLine(report.title())).append("\n\n");
        if (!report.subtitle().isEmpty()) {
            md.append(MarkdownText.block(String.join("\n", report.subtitle()), "")).append("\n\n");
        }
        for (var section : report.sections()) {
            md.append("## ").append(MarkdownText.singleLine(section.heading())).append("\n\n");
            for (var block : section.blocks()) {
                switch (block) {
                    case Text text -> md.append(MarkdownText.block(orEmpty(text.text()), "")).append("\n\n");
                    case Field field -> md.append("**").append(MarkdownText.singleLine(field.label())).append(":** ")
                            .append(MarkdownText.afterInline(orEmpty(field.value()))).append("\n\n");
                    case Bullets bullets -> {
                        // Continuation lines are indented to the item's content, so they stay inside the item.
                        bullets.items().forEach(item -> md.append("- ").append(MarkdownText.block(orEmpty(item), "  ")).append('\n'));
                        md.append('\n');
                    }
                }
            }
        }
        return md.toString();
    }

    private static String orEmpty(String text) {
        return text == null || text.isBlank() ? EMPTY : text;
    }
}
