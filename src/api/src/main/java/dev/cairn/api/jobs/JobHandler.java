package dev.cairn.api.jobs;

/** Runs jobs of one type ("{plugin id}.{name}"). Runs in the tenant of the job's own record. */
public interface JobHandler {

    String type();

    void run(JobContext context) throws Exception;
}
