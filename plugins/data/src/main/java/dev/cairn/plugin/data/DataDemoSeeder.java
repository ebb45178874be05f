package dev.cairn.plugin.data;

import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(10)
class DataDemoSeeder implements DemoSeeder {

    private final DatasetService datasets;

    DataDemoSeeder(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public void seed(ProjectRef project) {
        datasets.register(project.id(), "subscribers-2026-10", "s3://acme-analytics/churn/subscribers-2026-10.parquet",
                "Monthly snapshot of active subscribers with usage and billing features.");
    }
}
