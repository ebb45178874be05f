package dev.cairn.plugin.deployment;

import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.deployment.TargetService.Environment;
import dev.cairn.plugin.deployment.TargetService.ServingMode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(30)
class DeploymentDemoSeeder implements DemoSeeder {

    private final TargetService targets;

    DeploymentDemoSeeder(TargetService targets) {
        this.targets = targets;
    }

    @Override
    public void seed(ProjectRef project) {
        targets.define(project.id(), "weekly-scoring", Environment.STAGING, ServingMode.BATCH,
                "Scores every Monday at 06:00 UTC before the team's planning meeting.");
    }
}
