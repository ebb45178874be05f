/**
 * The data stage's statistics engine: one streaming pass over a dataset's rows gives a
 * {@link dev.cairn.plugin.data.profile.DatasetProfile} that is shown, stored with the version
 * ({@link dev.cairn.plugin.data.profile.ProfileCodec}), merged with other batches' profiles and
 * read by drift comparisons (the KLL sketches, kept values and category counts of
 * {@link dev.cairn.plugin.data.profile.ColumnProfile}). No tables, no UI, no Spring: ADR 0017.
 *
 * <p>From a background job:
 * <pre>{@code
 * ProfileOptions options = ProfileOptions.defaults().withLabelColumn(label);
 * DatasetProfile profile = Profiler.profile(source, options,
 *         (rows, bytes) -> ctx.progress((double) bytes / size, rows + " rows"),
 *         ctx::cancelRequested, null);                   // ProfilingCancelledException on cancel
 * byte[] stored = ProfileCodec.toBytes(profile);
 * }</pre>
 * One thread was the fastest on the 2-core build machine; where cores are spare,
 * {@code withThreads(ctx.parallelism() + 1)} with {@code ctx.executor()} parses on the handler's
 * thread and updates the columns on the job's others. An importer that walks the rows itself pushes them into a
 * {@link dev.cairn.plugin.data.profile.ProfileBuilder} instead, in the same pass.
 */
package dev.cairn.plugin.data.profile;
