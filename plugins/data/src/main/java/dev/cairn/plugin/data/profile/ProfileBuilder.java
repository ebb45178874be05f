package dev.cairn.plugin.data.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a profile from rows pushed one at a time, so that a reader that already walks the rows
 * (the importer, checking them) profiles them in the same pass. Rows are taken in batches: with
 * {@link ProfileOptions#threads()} above 1 the caller's thread goes on reading while other threads
 * update the column statistics of the previous batch, the columns split between them. Not
 * thread-safe: one caller.
 */
public final class ProfileBuilder implements AutoCloseable, FieldSink {

    static final int BATCH_ROWS = 2048;

    private final ProfileOptions options;
    private final List<ColumnAccumulator> columns = new ArrayList<>();
    private final RowDuplicates duplicates;
    private final int width;
    private final long[] salts;
    private final ExecutorService executor;
    private final boolean ownExecutor;
    /** Column ranges, one per worker: [stripes[i], stripes[i + 1]). */
    private final int[] stripes;
    private String[][] filling = new String[BATCH_ROWS][];
    private int filled;
    private String[][] processing = new String[BATCH_ROWS][];
    private int processingRows;
    private final long[][] partialHashes;
    private final List<Future<?>> pending = new ArrayList<>();
    private boolean built;

    public ProfileBuilder(List<String> header, ProfileOptions options) {
        this(header, options, null);
    }

    /**
     * @param executor where the column updates run when {@code options.threads() > 1} (a job's own
     *                 executor); null to let the builder start its threads and stop them on
     *                 {@link #build()} or {@link #close()}
     */
    public ProfileBuilder(List<String> header, ProfileOptions options, ExecutorService executor) {
        this.options = options;
        checkHeader(header, options);
        this.width = header.size();
        for (String name : header) {
            columns.add(new ColumnAccumulator(name, options));
        }
        this.duplicates = new RowDuplicates(options.exactRowLimit(), options.hllLgK());
        this.salts = new long[width];
        for (int c = 0; c < width; c++) {
            salts[c] = ValueHash.mix(c + 1L);
        }
        int workers = Math.min(Math.max(1, options.threads() - 1), width);
        this.stripes = new int[workers + 1];
        for (int i = 0; i <= workers; i++) {
            stripes[i] = width * i / workers;
        }
        this.partialHashes = new long[workers][BATCH_ROWS];
        if (options.threads() > 1) {
            this.ownExecutor = executor == null;
            this.executor = executor != null ? executor : Executors.newFixedThreadPool(workers, runnable -> {
                Thread thread = new Thread(runnable, "cairn-profile");
                thread.setDaemon(true);
                return thread;
            });
        } else {
            this.ownExecutor = false;
            this.executor = null;
        }
    }

    private static void checkHeader(List<String> header, ProfileOptions options) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one column; the header is empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column name '" + name + "' appears twice in the header");
            }
        }
        if (options.labelColumn() != null && !seen.contains(options.labelColumn())) {
            throw new IllegalArgumentException("the label column '" + options.labelColumn() + "' is not in the header ("
                    + String.join(", ", header) + ")");
        }
    }

    /** Adds one row; its fields in header order. The array must not change afterwards. */
    public void add(String[] row) {
        if (built) {
            throw new IllegalStateException("this profile was already built");
        }
        if (row.length != width) {
            throw new IllegalArgumentException("row " + (rows() + 1) + " has " + row.length + " fields, the header "
                    + width);
        }
        if (executor == null) {
            // One thread: the row's strings are still in the cache the parser just filled.
            long rowHash = 0;
            for (int c = 0; c < width; c++) {
                String field = row[c];
                long hash = ValueHash.of(field);
                rowHash += ValueHash.mix(hash ^ salts[c]);
                columns.get(c).accept(field, hash);
            }
            duplicates.add(rowHash);
            return;
        }
        filling[filled++] = row;
        if (filled == BATCH_ROWS) {
            flush();
        }
    }

    private long rowHash;

    /** A field of the current row as characters (one thread only; see {@link FieldSink}). */
    @Override
    public void field(int index, char[] chars, int offset, int length, long line) {
        if (index >= width) {
            throw new IllegalArgumentException("line " + line + " has more than the header's " + width + " fields");
        }
        long hash = ValueHash.of(chars, offset, length);
        rowHash += ValueHash.mix(hash ^ salts[index]);
        columns.get(index).accept(chars, offset, length, hash);
    }

    @Override
    public void endRow(int fieldCount, long line) {
        if (fieldCount != width) {
            throw new IllegalArgumentException("line " + line + " has " + fieldCount + " fields where the header has "
                    + width);
        }
        duplicates.add(rowHash);
        rowHash = 0;
    }

    /** Whether rows may come field by field: only when this builder updates on the caller's thread. */
    boolean takesFields() {
        return executor == null && !built;
    }

    /** Rows added so far. */
    public long rows() {
        return duplicates.rows + processingRows + filled;
    }

    public DatasetProfile build() {
        if (!built) {
            flush();
            awaitPending();
            built = true;
            close();
            columns.forEach(ColumnAccumulator::finish);
            duplicates.finish();
        }
        return new DatasetProfile(options, columns, duplicates);
    }

    @Override
    public void close() {
        if (ownExecutor) {
            executor.shutdownNow();
        }
    }

    private void flush() {
        awaitPending();
        String[][] batch = filling;
        filling = processing;
        processing = batch;
        processingRows = filled;
        filled = 0;
        if (processingRows == 0) {
            return;
        }
        int rows = processingRows;
        if (executor == null) {
            update(batch, rows, 0);
            finishBatch();
            return;
        }
        for (int stripe = 0; stripe < stripes.length - 1; stripe++) {
            int s = stripe;
            pending.add(executor.submit(() -> update(batch, rows, s)));
        }
    }

    private void update(String[][] batch, int rows, int stripe) {
        long[] hashes = partialHashes[stripe];
        int from = stripes[stripe];
        int to = stripes[stripe + 1];
        ColumnAccumulator[] mine = columns.subList(from, to).toArray(ColumnAccumulator[]::new);
        for (int r = 0; r < rows; r++) {
            String[] row = batch[r];
            long rowHash = 0;
            for (int c = from; c < to; c++) {
                String field = row[c];
                long hash = ValueHash.of(field);
                rowHash += ValueHash.mix(hash ^ salts[c]);
                mine[c - from].accept(field, hash);
            }
            hashes[r] = rowHash;
        }
    }

    private void awaitPending() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("profiling was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("profiling failed", e.getCause());
        } finally {
            pending.clear();
        }
        finishBatch();
    }

    /** The row hashes are sums of every column's part: a row's stripes add up to its hash. */
    private void finishBatch() {
        for (int r = 0; r < processingRows; r++) {
            long rowHash = 0;
            for (long[] partial : partialHashes) {
                rowHash += partial[r];
            }
            duplicates.add(rowHash);
        }
        processingRows = 0;
    }
}
