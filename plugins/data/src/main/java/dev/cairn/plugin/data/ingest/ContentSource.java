package dev.cairn.plugin.data.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of a file are, opened afresh for each pass: the importer reads a file more than
 * once (a sample to detect the format, the whole to check it, a line or two for a message) and
 * never holds it in memory.
 */
@FunctionalInterface
public interface ContentSource {

    InputStream open() throws IOException;
}
