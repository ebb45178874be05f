package dev.cairn.api.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deployments, for the stages before deployment. Implemented by the deployment plugin; read by
 * modeling (is this model version serving?) and data (which serving data to compare with training
 * data). The tenant in scope only: another tenant's id is not found.
 */
public interface Deployments {

    Optional<DeploymentRef> deployment(UUID deploymentId);

    List<DeploymentRef> ofProject(UUID projectId);

    /** The deployments a model version serves in now. */
    List<DeploymentRef> servingModel(UUID modelVersionId);
}
