package dev.cairn.plugin.data.profile;

import java.util.concurrent.CancellationException;

/** Profiling stopped because its caller asked (a user cancelled the job); nothing was built. */
public class ProfilingCancelledException extends CancellationException {

    public ProfilingCancelledException(long rows) {
        super("profiling was cancelled after " + rows + " rows");
    }
}
