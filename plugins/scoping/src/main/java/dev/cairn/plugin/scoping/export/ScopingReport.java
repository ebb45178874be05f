package dev.cairn.plugin.scoping.export;

import java.util.List;

/** The scoping document as a printable report: sections of paragraphs, labelled fields and lists. One model, two renderings. */
public record ScopingReport(String title, List<String> subtitle, List<Section> sections) {

    public record Section(String heading, List<Block> blocks) {
    }

    public sealed interface Block permits Text, Field, Bullets {
    }

    public record Text(String text) implements Block {
    }

    public record Field(String label, String value) implements Block {
    }

    public record Bullets(List<String> items) implements Block {
    }
}
