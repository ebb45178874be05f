package dev.cairn.plugin.data;

import dev.cairn.plugin.data.ingest.ImportLimits;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the dataset import ({@code cairn.data.ingest.*}); the size limit is the file store's
 * per-tenant upload limit.
 *
 * @param maxColumns     columns a file may have
 * @param maxFieldChars  characters one field may have
 * @param sampleLines    offending lines a refusal quotes
 * @param spoolDirectory where an upload is written while it is checked, before it reaches the file
 *                       store (the system's temporary folder when unset); a refused upload is
 *                       deleted from here at once
 */
@ConfigurationProperties("cairn.data.ingest")
public record DataIngestProperties(@DefaultValue("1000") int maxColumns, @DefaultValue("100000") int maxFieldChars,
                                   @DefaultValue("5") int sampleLines, Path spoolDirectory) {

    ImportLimits limits() {
        return new ImportLimits(maxColumns, maxFieldChars, sampleLines);
    }
}
