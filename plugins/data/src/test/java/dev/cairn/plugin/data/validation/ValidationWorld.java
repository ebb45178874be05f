package dev.cairn.plugin.data.validation;

import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.ProfileAwait;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the stored-validation tests start from: a new Acme project (a random key: tests on PostgreSQL share one
 * database) with a dataset "customers" whose version 1 (plan basic or pro) has a schema inferred from it by a
 * member, and whose version 2 has a plan the schema does not know ('enterprise'). Both versions are profiled.
 */
record ValidationWorld(ProjectRef project, UUID dataset, UUID v1, UUID v2) {

    /** The beans a world is made with. */
    record Services(Actors actors, ProjectService projects, DatasetService datasets, DatasetVersions versions, StoredProfiles profiles,
                    DatasetSchemas schemas) {
    }

    static ValidationWorld create(Services s, String prefix) {
        String key = prefix + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        ProjectRef project = s.actors().as("acme-pm", () -> s.projects().create("Project " + key, key, null));
        UUID dataset = s.actors().as("acme-pm", () -> s.datasets().register(project.id(), "customers", null, "")).getId();
        // Unique bytes in every world: the file store keeps equal bytes once per tenant.
        long unique = 1_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        UUID v1 = upload(s, project, dataset, "id,plan\n1,basic\n2,pro\n3,basic\n" + unique + ",pro\n");
        UUID v2 = upload(s, project, dataset, "id,plan\n1,basic\n2,enterprise\n3,pro\n" + unique + ",enterprise\n");
        s.actors().as("acme-member", () -> s.schemas().infer(project.id(), dataset, v1));
        return new ValidationWorld(project, dataset, v1, v2);
    }

    private static UUID upload(Services s, ProjectRef project, UUID dataset, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        UUID version = s.actors().as("acme-member", () -> s.versions().upload(project.id(), dataset, new NewFile("customers.csv", "text/csv",
                bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)).version().getId();
        try {
            ProfileAwait.ended(s.actors(), s.profiles(), project.id(), version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return version;
    }
}
