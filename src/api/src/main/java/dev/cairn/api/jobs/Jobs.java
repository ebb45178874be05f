package dev.cairn.api.jobs;

import java.util.UUID;

/** Submits background jobs for the current tenant. */
public interface Jobs {

    UUID submit(String type, String title, UUID projectId, String payload);
}
