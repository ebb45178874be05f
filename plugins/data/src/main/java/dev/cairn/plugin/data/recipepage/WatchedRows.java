package dev.cairn.plugin.data.recipepage;

import dev.cairn.api.jobs.JobContext;
import dev.cairn.plugin.data.profile.RowSource;
import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;

/** A pass over a version's rows inside a job: it reports how many rows were read, and stops on a cancel. */
final class WatchedRows implements RowSource {

    private static final int EVERY = 2048;

    private final RowSource rows;
    private final JobContext context;
    private final LongConsumer progress;
    private long read;

    WatchedRows(RowSource rows, JobContext context, LongConsumer progress) {
        this.rows = rows;
        this.context = context;
        this.progress = progress;
    }

    @Override
    public List<String> header() {
        return rows.header();
    }

    @Override
    public String[] next() throws IOException {
        if (read % EVERY == 0) {
            context.throwIfCancelled();
            progress.accept(read);
        }
        String[] row = rows.next();
        if (row != null) {
            read++;
        }
        return row;
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
