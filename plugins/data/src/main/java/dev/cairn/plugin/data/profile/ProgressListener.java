package dev.cairn.plugin.data.profile;

/** Told every {@link Profiler#PROGRESS_EVERY_ROWS} rows how far profiling is (a job turns it into a progress bar). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (rows, bytes) -> {
    };

    /**
     * @param rows  rows read so far
     * @param bytes bytes read so far, or -1 when the source cannot tell
     */
    void progress(long rows, long bytes);
}
