package dev.cairn.app.tracking;

import java.util.UUID;

/** MLflow experiment names carry the tenant, so experiments of two tenants never collide or mix. */
final class ExperimentNames {

    private ExperimentNames() {
    }

    static String of(UUID tenantId, String tenantSlug, String projectKey) {
        return "cairn/" + tenantSlug + "-" + tenantId + "/" + projectKey;
    }
}
