package dev.cairn.api.deployment;

import java.util.UUID;

/**
 * A deployment as other stages see it.
 *
 * @param modelVersionId the model version serving now ({@code ModelRegistry}), or null when stopped
 */
public record DeploymentRef(UUID id, UUID projectId, String name, UUID modelVersionId, boolean serving) {
}
