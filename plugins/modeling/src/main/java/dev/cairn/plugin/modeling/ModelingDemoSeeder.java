package dev.cairn.plugin.modeling;

import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.modeling.BaselineService.BaselineInput;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs after the data seeder, so the baseline links to the demo dataset. */
@Component
@Order(20)
class ModelingDemoSeeder implements DemoSeeder {

    private final BaselineService baselines;

    ModelingDemoSeeder(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void seed(ProjectRef project) {
        var dataset = baselines.datasets(project.id()).stream().findFirst().map(d -> d.id()).orElse(null);
        baselines.record(project.id(), new BaselineInput("Rule: no login for 30 days", "recall", 0.41,
                "Flag every subscriber without a login in the last 30 days; measured on October's churners.", dataset));
    }
}
