package dev.cairn.plugin.data.profile;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * One streaming pass over a {@link RowSource}: every row is read once and forgotten, so memory
 * stays bounded by the sketches (and the row hashes) whatever the file's size.
 */
public final class Profiler {

    /** How often progress is told and cancellation checked. */
    public static final int PROGRESS_EVERY_ROWS = 65_536;

    private Profiler() {
    }

    private static boolean add(ProfileBuilder builder, String[] row) {
        if (row == null) {
            return false;
        }
        builder.add(row);
        return true;
    }

    public static DatasetProfile profile(RowSource source, ProfileOptions options) throws IOException {
        return profile(source, options, ProgressListener.NONE, () -> false, null);
    }

    /**
     * @param progress        told every {@link #PROGRESS_EVERY_ROWS} rows and once at the end
     * @param cancelRequested asked as often; once it answers true profiling stops with
     *                        {@link ProfilingCancelledException}
     * @param executor        threads for the column updates when {@code options.threads() > 1}
     *                        (a job's executor), or null for the profiler's own
     */
    public static DatasetProfile profile(RowSource source, ProfileOptions options, ProgressListener progress,
                                         BooleanSupplier cancelRequested, ExecutorService executor) throws IOException {
        try (ProfileBuilder builder = new ProfileBuilder(source.header(), options, executor)) {
            long rows = 0;
            CsvRowSource fields = source instanceof CsvRowSource csv && builder.takesFields() ? csv : null;
            while (fields != null ? fields.nextInto(builder) : add(builder, source.next())) {
                if (++rows % PROGRESS_EVERY_ROWS == 0) {
                    if (cancelRequested.getAsBoolean()) {
                        throw new ProfilingCancelledException(rows);
                    }
                    progress.progress(rows, source.bytesRead());
                }
            }
            DatasetProfile profile = builder.build();
            progress.progress(rows, source.bytesRead());
            return profile;
        }
    }
}
