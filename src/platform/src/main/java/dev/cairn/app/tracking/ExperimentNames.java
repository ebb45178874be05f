package dev.cairn.app.tracking;

import java.util.UUID;

/**
 * MLflow names carry the tenant, so experiments of two tenants never collide or mix: experiment
 * names always, and the workspace where the server has workspaces.
 */
final class ExperimentNames {

    private ExperimentNames() {
    }

    static String of(UUID tenantId, String tenantSlug, String projectKey) {
        return "cairn/" + tenantSlug + "-" + tenantId + "/" + projectKey;
    }

    /**
     * The tenant's MLflow workspace. Built from the id alone (a slug can change, a workspace cannot
     * be renamed); 42 characters of {@code [a-z0-9-]}, within MLflow's workspace name rules.
     */
    static String workspaceOf(UUID tenantId) {
        return "cairn-" + tenantId;
    }
}
