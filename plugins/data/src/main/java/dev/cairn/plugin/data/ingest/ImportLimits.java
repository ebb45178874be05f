package dev.cairn.plugin.data.ingest;

/**
 * What the importer accepts at most.
 *
 * @param maxColumns    columns per row
 * @param maxFieldChars characters in one field
 * @param sampleLines   offending lines quoted in a refusal
 */
public record ImportLimits(int maxColumns, int maxFieldChars, int sampleLines) {

    public static final ImportLimits DEFAULTS = new ImportLimits(1000, 100_000, 5);

    public ImportLimits {
        if (maxColumns < 1 || maxFieldChars < 1 || sampleLines < 1) {
            throw new IllegalArgumentException("Import limits must be positive: " + maxColumns + ", " + maxFieldChars + ", " + sampleLines);
        }
    }
}
