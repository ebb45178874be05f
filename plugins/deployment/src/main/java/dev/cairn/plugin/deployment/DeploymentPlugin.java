package dev.cairn.plugin.deployment;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import org.springframework.stereotype.Component;

/** The deployment stage. This first version defines where a project's model will be deployed. */
@Component
class DeploymentPlugin implements StagePlugin {

    static final String ID = "deployment";

    private final TargetService targets;

    DeploymentPlugin(TargetService targets) {
        this.targets = targets;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.DEPLOYMENT;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("Targets", TargetsView.class));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return DeploymentPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of("deployment.target"), List.of(), java.util.Map.of("deployment.target", "Deployment target"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Deployment target defined", targets::gate));
    }
}
