package dev.cairn.api.jobs;

/**
 * Runs jobs of one type ("{plugin id}.{name}"). A plugin declares one as a Spring bean. It runs in
 * the tenant of the job's own record, on whichever node claimed the job. A handler that returns
 * ends the job SUCCEEDED (CANCELLED if a cancel was requested meanwhile); one that throws
 * {@link JobCancelledException}, or anything after a cancel was requested, ends it CANCELLED; any
 * other exception ends it FAILED with the exception's message shown to the user.
 */
public interface JobHandler {

    String type();

    void run(JobContext context) throws Exception;
}
