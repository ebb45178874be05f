package dev.cairn.plugin.scoping.export;

import dev.cairn.plugin.scoping.export.ScopingReport.Bullets;
import dev.cairn.plugin.scoping.export.ScopingReport.Field;
import dev.cairn.plugin.scoping.export.ScopingReport.Text;

/**
 * Renders a report as Markdown. User text is escaped so that a Markdown viewer shows it as written:
 * HTML in a field stays text (no tag can open, so no script runs where the file is rendered), and a line starting with
 * a Markdown marker does not become a heading or a list.
 */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(ScopingReport report) {
        StringBuilder md = new StringBuilder("# ").append(escape(report.title())).append("\n\n");
        report.subtitle().forEach(line -> md.append(escape(line)).append("  \n"));
        md.append('\n');
        for (var section : report.sections()) {
            md.append("## ").append(escape(section.heading())).append("\n\n");
            for (var block : section.blocks()) {
                switch (block) {
                    case Text text -> md.append(escape(text.text())).append("\n\n");
                    case Field field -> md.append("**").append(escape(field.label())).append(":** ")
                            .append(escape(field.value()).replace("\n", "  \n")).append("\n\n");
                    case Bullets bullets -> {
                        bullets.items().forEach(item -> md.append("- ").append(escape(item).replace("\n", " ")).append('\n'));
                        md.append('\n');
                    }
                }
            }
        }
        return md.toString();
    }

    static String escape(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        String escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;")
                .replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[").replace("|", "\\|").replace("~", "\\~");
        StringBuilder lines = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(line.matches("^\\s*([#>+-]|\\d+\\.).*") ? "\\" + line.stripLeading() : line);
        }
        return lines.toString();
    }
}
