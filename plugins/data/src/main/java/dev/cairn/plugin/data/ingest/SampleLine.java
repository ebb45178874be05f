package dev.cairn.plugin.data.ingest;

/** One line of a refused file, quoted for the user (cut to a readable length). */
public record SampleLine(long line, String text) {
}
