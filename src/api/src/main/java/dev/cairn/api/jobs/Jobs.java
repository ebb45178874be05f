package dev.cairn.api.jobs;

import java.util.UUID;

/**
 * Submits background jobs for the current tenant. A job waits in the tenant's queue while the
 * tenant runs as many jobs as its limit allows (set by the tenant admin), then runs on any node,
 * in the tenant of its own record, with the handler registered for its type.
 */
public interface Jobs {

    /**
     * Queues a job and returns its id.
     *
     * @param type      the handler's {@link JobHandler#type()}
     * @param title     what the Jobs page shows
     * @param projectId the project it works for, or null
     * @param payload   the handler's input (up to 4000 characters; JSON is usual), or null
     */
    UUID submit(String type, String title, UUID projectId, String payload);

    /**
     * Queues a job that is part of an action a plugin's own declared permission allows (profiling
     * the version an upload just stored): the caller needs {@code allowedBy} instead of
     * {@code platform.start-jobs}, so an API token scoped to that permission alone (a nightly
     * pipeline's) starts it. The job acts as the caller with the caller's scope, as any job does:
     * its handler should need no more than {@code allowedBy}.
     */
    UUID submit(String type, String title, UUID projectId, String payload, dev.cairn.api.plugin.PermissionDefinition allowedBy);
}
