package dev.cairn.plugin.data;

import dev.cairn.api.files.NewFile;
import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.data.demo.SyntheticData;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each demo project's dataset, with two synthetic versions uploaded through the real import (the
 * second drifted and with a new category), each said to be synthetic in its provenance.
 */
@Component
@Order(10)
class DataDemoSeeder implements DemoSeeder {

    private static final long SEED = 20261001L;

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DataDemoProperties properties;
    private final dev.cairn.plugin.data.validation.DemoValidation validation;
    private final dev.cairn.plugin.data.recipepage.DemoRecipes recipes;

    DataDemoSeeder(DatasetService datasets, DatasetVersions versions, DataDemoProperties properties,
                   dev.cairn.plugin.data.validation.DemoValidation validation, dev.cairn.plugin.data.recipepage.DemoRecipes recipes) {
        this.datasets = datasets;
        this.versions = versions;
        this.properties = properties;
        this.validation = validation;
        this.recipes = recipes;
    }

    @Override
    public void seed(ProjectRef project) {
        boolean churn = project.key().equals("CHURN");
        String name = churn ? "subscribers" : "weekly-demand";
        UUID dataset = datasets.register(project.id(), name, null, churn
                ? "Monthly snapshot of active subscribers with usage, billing and whether they cancelled (churned). " + SyntheticData.LABEL + "."
                : "Weekly unit sales per store and product, with price, promotion and temperature. " + SyntheticData.LABEL + ".").getId();
        if (!properties.versions()) {
            return;
        }
        for (int batch = 1; batch <= 2; batch++) {
            String csv = churn ? SyntheticData.subscribers(SEED + batch, properties.rows(), batch)
                    : SyntheticData.weeklyDemand(SEED + batch, properties.rows(), batch);
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            String month = batch == 1 ? "2026-10" : "2026-11";
            versions.upload(project.id(), dataset, new NewFile(name + "-" + month + ".csv", "text/csv", bytes.length),
                    new ByteArrayInputStream(bytes), FormatOverrides.NONE, new Provenance(
                            "Cairn demo generator (SyntheticData, seed " + (SEED + batch) + ")", "Generated, not collected",
                            "Synthetic: no real person or business; free to use",
                            SyntheticData.LABEL + (batch == 2 ? ". This batch drifted: prices rose, and a category appeared that batch 1 "
                                    + "did not have." : ".")));
        }
        recipes.seed(project.id(), dataset);
        // Its schema, training version and validations, once the uploads' profiling jobs stored the statistics.
        validation.queue(project.id(), dataset);
    }
}
