package dev.cairn.plugin.scoping;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The scoping stage. This first version writes the problem statement; the full stage comes later. */
@Component
class ScopingPlugin implements StagePlugin {

    static final String ID = "scoping";

    private final ProblemStatementService statements;

    ScopingPlugin(ProblemStatementService statements) {
        this.statements = statements;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.SCOPING;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("Problem statement", ProblemStatementView.class));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition("scoping.edit", "Write the problem statement",
                Set.of(Role.TENANT_ADMIN, Role.PROJECT_MANAGER)));
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(), List.of());
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Problem statement written", project -> {
            return statements.find(project.id()).isPresent()
                    ? StageGateCheck.GateResult.pass("Business problem, affected people, decision and current approach are written.")
                    : StageGateCheck.GateResult.fail("Write the business problem, who is affected, the decision and today's approach.");
        }));
    }
}
