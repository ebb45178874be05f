package dev.cairn.plugin.data.recipe;

import dev.cairn.api.data.transform.RecipeTransform;
import dev.cairn.plugin.data.profile.RowSource;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A version's rows as a recipe leaves them: rows its filters drop are skipped. */
public final class TransformedRows implements RowSource {

    private final RowSource source;
    private final RecipeTransform.Batch batch;
    private final List<String> header;

    public TransformedRows(RowSource source, RecipeTransform transform) {
        if (!source.header().equals(transform.inputColumns())) {
            throw new IllegalArgumentException("the rows' columns " + source.header() + " are not the recipe's " + transform.inputColumns());
        }
        this.source = source;
        this.batch = transform.newBatch();
        this.header = transform.outputColumns();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() throws IOException {
        String[] row;
        while ((row = source.next()) != null) {
            Optional<String[]> out = batch.apply(row);
            if (out.isPresent()) {
                return out.get();
            }
        }
        return null;
    }

    /** Rows the recipe's filters dropped so far. */
    public long dropped() {
        return batch.dropped();
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
