package dev.cairn.plugin.data.schema;

import dev.cairn.plugin.data.ProfileAwait;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the schema tests start from: a new Acme project (its own key) with a dataset "customers"
 * and one uploaded version, made by Acme's project manager and member: id required (a number),
 * age optional (4 of 5 present, 18 to 50), plan basic or pro, churned yes or no.
 */
record SchemaFixture(ProjectRef project, UUID dataset, DatasetVersionRecord version) {

    static SchemaFixture create(Actors actors, ProjectService projects, DatasetService datasets, DatasetVersions versions,
                                StoredProfiles profiles, String prefix) {
        // Tests on PostgreSQL share one database: a random key, not a counter that restarts per class.
        String key = prefix + (100_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900_000));
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors.as("acme-pm", () -> datasets.register(project.id(), "customers", null, "")).getId();
        // Unique bytes in every call (the file store keeps equal bytes once per tenant): a fifth row with a random id.
        String content = "id,age,plan,churned\n1,34,basic,yes\n2,,pro,no\n3,18,basic,no\n4,50,pro,yes\n";
        byte[] bytes = (content + "5,40,basic,no\n".replace("5", String.valueOf(5 + Math.abs(UUID.randomUUID().hashCode() % 1_000_000))))
                .getBytes(StandardCharsets.UTF_8);
        DatasetVersionRecord version = actors.as("acme-member", () -> versions.upload(project.id(), dataset,
                new NewFile("customers.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE,
                Provenance.NONE)).version();
        // Inference reads the statistics the upload's profiling job stores.
        try {
            ProfileAwait.ended(actors, profiles, project.id(), version.getId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new SchemaFixture(project, dataset, version);
    }
}
