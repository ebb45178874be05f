package dev.cairn.plugin.data.selection;

import dev.cairn.plugin.data.profile.RowSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The first rows of a version, column by column: what a ranking reads. At most {@code maxRows}
 * are kept; {@link #sampled()} says whether the version had more.
 */
final class SampledColumns {

    private static final int PROGRESS_EVERY = 10_000;

    private final List<String> header;
    private final String[][] columns;
    private final int rows;
    private final boolean sampled;

    SampledColumns(List<String> header, String[][] columns, int rows, boolean sampled) {
        this.header = List.copyOf(header);
        this.columns = columns;
        this.rows = rows;
        this.sampled = sampled;
    }

    /**
     * Reads up to {@code maxRows} rows.
     *
     * @param progress told the rows read so far, now and then
     * @param cancelled asked now and then; true stops the reading with {@link RankingCancelledException}
     */
    static SampledColumns read(RowSource source, int maxRows, LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        List<String> header = source.header();
        List<String[]> rows = new ArrayList<>();
        String[] row;
        boolean more = false;
        while ((row = source.next()) != null) {
            if (rows.size() == maxRows) {
                more = true;
                break;
            }
            rows.add(row);
            if (rows.size() % PROGRESS_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new RankingCancelledException();
                }
                progress.accept(rows.size());
            }
        }
        String[][] columns = new String[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] fields = rows.get(r);
            for (int c = 0; c < header.size(); c++) {
                columns[c][r] = c < fields.length ? fields[c] : null;
            }
        }
        return new SampledColumns(header, columns, rows.size(), more);
    }

    /** Columns given directly (tests). */
    static SampledColumns of(List<String> header, List<String[]> rows) {
        String[][] columns = new String[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                columns[c][r] = rows.get(r)[c];
            }
        }
        return new SampledColumns(header, columns, rows.size(), false);
    }

    List<String> header() {
        return header;
    }

    String[] column(int index) {
        return columns[index];
    }

    int rows() {
        return rows;
    }

    boolean sampled() {
        return sampled;
    }
}
