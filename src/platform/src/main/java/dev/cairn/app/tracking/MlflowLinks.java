package dev.cairn.app.tracking;

import dev.cairn.app.tracking.MlflowProperties.UiLinks;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Links into MLflow's own UI, shown only where they are safe ({@code cairn.mlflow.ui-links=direct}:
 * the demo, or an authorising proxy as {@code cairn.mlflow.ui-url}). A link opens the tenant's own
 * workspace where the server has workspaces; while Cairn does not yet know whether it has them (no
 * answer from MLflow since the start), there is no link rather than one into the shared workspace.
 */
@Component
public class MlflowLinks {

    private final MlflowProperties properties;
    private final ObjectProvider<MlflowGateway> gateway;

    MlflowLinks(MlflowProperties properties, ObjectProvider<MlflowGateway> gateway) {
        this.properties = properties;
        this.gateway = gateway;
    }

    /** The experiment's page in MLflow's UI, if links are enabled and its workspace is known. */
    public Optional<String> experiment(UUID tenantId, String mlflowExperimentId) {
        if (mlflowExperimentId == null) {
            return Optional.empty();
        }
        return page(tenantId, "/#/experiments/" + encode(mlflowExperimentId));
    }

    /** The run's page in MLflow's UI, in the tenant's workspace, under the same conditions. */
    public Optional<String> run(UUID tenantId, String mlflowExperimentId, String mlflowRunId) {
        if (mlflowExperimentId == null || mlflowRunId == null) {
            return Optional.empty();
        }
        return page(tenantId, "/#/experiments/" + encode(mlflowExperimentId) + "/runs/" + encode(mlflowRunId));
    }

    private Optional<String> page(UUID tenantId, String fragment) {
        if (properties.uiLinks() != UiLinks.DIRECT || !properties.configured()) {
            return Optional.empty();
        }
        MlflowGateway mlflow = gateway.getIfAvailable();
        if (mlflow == null) {
            return Optional.empty();
        }
        String page = properties.uiUrl().replaceAll("/+$", "") + fragment;
        return mlflow.workspacesEnabledIfKnown().map(workspaces -> workspaces
                ? page + "?workspace=" + ExperimentNames.workspaceOf(tenantId)
                : page);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
