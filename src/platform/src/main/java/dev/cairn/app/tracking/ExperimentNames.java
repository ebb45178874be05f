package dev.cairn.app.tracking;

import java.util.UUID;

/**
 * MLflow names carry the tenant, so experiments of two tenants never collide or mix: experiment
 * names always, and the workspace where the server has workspaces.
 */
final class ExperimentNames {

    private ExperimentNames() {
    }

    /**
     * The name on a server without workspaces, where all tenants share one namespace: the tenant's
     * id keeps it unique for good (a slug can be given up and taken by another tenant).
     */
    static String of(UUID tenantId, String tenantSlug, String projectKey) {
        return "cairn/" + tenantSlug + "-" + tenantId + "/" + projectKey;
    }

    /**
     * The name inside the tenant's own workspace, where only the tenant's projects live: what a
     * user of MLflow's UI recognises, e.g. {@code "CHURN Churn prediction"} (keys are unique per
     * tenant). Set once, when the experiment is created; a project renamed later keeps it.
     */
    static String readable(String projectKey, String projectName) {
        return projectKey + " " + projectName.strip();
    }

    /**
     * The tenant's MLflow workspace. Built from the id alone (a slug can change, a workspace cannot
     * be renamed); 42 characters of {@code [a-z0-9-]}, within MLflow's workspace name rules.
     */
    static String workspaceOf(UUID tenantId) {
        return "cairn-" + tenantId;
    }
}
