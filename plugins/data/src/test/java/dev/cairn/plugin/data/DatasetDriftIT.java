package dev.cairn.plugin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.driftpage.DatasetDrift;
import dev.cairn.plugin.data.driftpage.DriftSettingsRules.FeatureSetting;
import dev.cairn.plugin.data.driftpage.DriftSettingsStore;
import dev.cairn.plugin.data.driftpage.DriftUnavailableException;
import dev.cairn.plugin.data.driftpage.VersionDrift;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drift between two uploaded versions of a dataset, on H2 and PostgreSQL: profiled from the stored
 * files, compared feature by feature with Evidently's default methods, the dataset's stored settings
 * deciding; a deleted version is refused with the reason; another tenant's dataset is not found; a
 * viewer reads the settings and cannot change them.
 */
@DataIntegrationTest
class DatasetDriftIT {

    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles profiles;
    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DatasetDrift drift;
    @Autowired
    DriftSettingsStore settings;
    @Autowired
    dev.cairn.api.lineage.LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /**
     * 200 rows: amount spread evenly over [0, 20) plus {@code shift}; plan a, b, c in the shares
     * 50 : 30 : 20 whatever the version; a unique tag so that no two files are the same bytes.
     */
    static String csv(double shift, boolean withRegion) {
        StringBuilder csv = new StringBuilder("amount,plan" + (withRegion ? ",region" : "") + "\n");
        String[] plans = {"a", "a", "a", "a", "a", "b", "b", "b", "c", "c"};
        for (int i = 0; i < 200; i++) {
            csv.append((i * 37 % 200) / 10.0 + shift).append(',').append(plans[(i * 3 + (int) shift) % 10]);
            if (withRegion) {
                csv.append(',').append(i % 2 == 0 ? "north" : "south");
            }
            csv.append('\n');
        }
        return csv.append(UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6)).append(",a")
                .append(withRegion ? ",north" : "").append('\n').toString();
    }

    /** Uploads a version and waits for its profiling job: drift reads the stored statistics. */
    static DatasetVersions.Upload upload(Actors actors, DatasetVersions versions, dev.cairn.plugin.data.statistics.StoredProfiles profiles,
                                         World world, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        DatasetVersions.Upload upload = actors.as("acme-member", () -> versions.upload(world.project().id(), world.dataset(),
                new NewFile("batch.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE,
                Provenance.NONE));
        try {
            ProfileAwait.ended(actors, profiles, world.project().id(), upload.version().getId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return upload;
    }

    /** A dataset with version 1 (the reference) and version 2 (amount shifted by 5, plan the same, region new). */
    private World twoVersions() {
        World world = World.withDataset(actors(), projects, datasets, "DD", "subscribers", "");
        upload(actors(), versions, profiles, world, csv(0, false));
        upload(actors(), versions, profiles, world, csv(5, true));
        return world;
    }

    @Test
    void theShiftedColumnDriftsTheSteadyOneDoesNotAndTheNewOneIsReported() {
        World world = twoVersions();

        VersionDrift report = actors().as("acme-viewer", () -> drift.compare(world.project().id(), world.dataset(), 1, 2));

        assertThat(report.dataset()).isEqualTo("subscribers");
        FeatureDrift amount = report.report().feature("amount").orElseThrow();
        assertThat(amount.verdict().method()).as("201 values: a small reference, numbers").isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(amount.drifted()).isTrue();
        assertThat(amount.verdict().value()).isLessThan(0.001);
        assertThat(amount.measurement(DriftMethod.WASSERSTEIN_NORMED)).as("the other methods' raw values too").isPresent();
        FeatureDrift plan = report.report().feature("plan").orElseThrow();
        assertThat(plan.verdict().method()).isEqualTo(DriftMethod.CHI_SQUARED);
        assertThat(plan.drifted()).isFalse();
        assertThat(plan.verdict().value()).isGreaterThan(0.5);
        FeatureDrift region = report.report().feature("region").orElseThrow();
        assertThat(region.compared()).isFalse();
        assertThat(region.notCompared()).isEqualTo("not in the reference");
        assertThat(report.report().compared()).isEqualTo(2);
        assertThat(report.report().driftedShare()).isEqualTo(0.5);
        assertThat(report.report().datasetDrifted()).as("half the features reach the default share of 0.5").isTrue();
        assertThat(actors().as("acme-viewer", () -> drift.defaultPair(world.project().id(), world.dataset())))
                .contains(new DatasetDrift.Pair(1, 2));
    }

    @Test
    void storedSettingsChangeTheMethodTheThresholdAndTheShare() {
        World world = twoVersions();
        actors().as("acme-member", () -> settings.save(world.project().id(), world.dataset(), 0.75,
                List.of(new FeatureSetting("amount", DriftMethod.WASSERSTEIN_NORMED, 5.0),
                        new FeatureSetting("plan", DriftMethod.L_INFINITY, null))));

        VersionDrift report = actors().as("acme-viewer", () -> drift.compare(world.project().id(), world.dataset(), 1, 2));

        FeatureDrift amount = report.report().feature("amount").orElseThrow();
        assertThat(amount.overridden()).isTrue();
        assertThat(amount.verdict().method()).isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
        assertThat(amount.verdict().threshold()).isEqualTo(5.0);
        assertThat(amount.drifted()).as("a shift of 5 over a deviation of about 5.8 is under 5").isFalse();
        FeatureDrift plan = report.report().feature("plan").orElseThrow();
        assertThat(plan.verdict().method()).isEqualTo(DriftMethod.L_INFINITY);
        assertThat(plan.verdict().threshold()).as("the method's default").isEqualTo(0.01);
        assertThat(report.report().driftShareThreshold()).isEqualTo(0.75);
        assertThat(report.report().datasetDrifted()).isFalse();
        var stored = actors().as("acme-viewer", () -> settings.read(world.project().id(), world.dataset()));
        assertThat(stored.updatedBy()).isEqualTo("acme-member");
        assertThat(stored.features()).extracting(FeatureSetting::feature).containsExactly("amount", "plan");
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndNothingIsStored() {
        World world = twoVersions();
        assertThatThrownBy(() -> actors().as("acme-member", () -> settings.save(world.project().id(), world.dataset(), 1.5,
                List.of(new FeatureSetting("amount", DriftMethod.KOLMOGOROV_SMIRNOV, 2.0)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Drift share: The drift share must be above 0 and at most 1, was 1.5.")
                .hasMessageContaining("Feature 'amount': The Kolmogorov-Smirnov p-value threshold must lie strictly between 0 and 1");
        var stored = actors().as("acme-viewer", () -> settings.read(world.project().id(), world.dataset()));
        assertThat(stored.driftShare()).isEqualTo(0.5);
        assertThat(stored.features()).isEmpty();
        assertThat(stored.updatedBy()).isNull();
    }

    @Test
    void aViewerReadsTheSettingsAndCannotChangeThem() {
        World world = twoVersions();
        assertThat(actors().as("acme-viewer", () -> settings.read(world.project().id(), world.dataset())).driftShare()).isEqualTo(0.5);
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> settings.save(world.project().id(), world.dataset(), 0.6, List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDeletedVersionIsRefusedWithTheReasonAndAnUnknownOneIsNotFound() {
        World world = twoVersions();
        UUID first = actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset())).getLast().getId();
        actors().as("acme-pm", () -> versions.delete(world.project().id(), first, "privacy request 9"));

        assertThatThrownBy(() -> actors().as("acme-viewer", () -> drift.compare(world.project().id(), world.dataset(), 1, 2)))
                .isInstanceOf(DriftUnavailableException.class)
                .hasMessageContaining("Version 1 of subscribers was deleted").hasMessageContaining("by acme-pm (privacy request 9)")
                .hasMessageContaining("cannot be compared");
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> drift.compare(world.project().id(), world.dataset(), 2, 7)))
                .isInstanceOf(NotFoundException.class).hasMessage("Version 7 of dataset subscribers not found");
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> drift.compare(world.project().id(), world.dataset(), 2, 2)))
                .isInstanceOf(DriftUnavailableException.class).hasMessageContaining("Pick two different versions");
        assertThat(actors().as("acme-viewer", () -> drift.defaultPair(world.project().id(), world.dataset())))
                .as("one live version left: nothing to compare").isEmpty();
    }

    @Test
    void aRecordedReportIsADriftReportArtifactMadeFromBothVersions() {
        World world = twoVersions();
        var history = actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset()));

        var recorded = actors().as("acme-member", () -> drift.record(world.project().id(), world.dataset(), 1, 2));

        var reports = actors().as("acme-viewer", () -> lineage.artifacts(world.project().id(), DatasetDrift.REPORT_ARTIFACT));
        assertThat(reports).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(recorded.artifact());
            assertThat(a.name()).isEqualTo("subscribers drift v1 → v2");
        });
        for (var version : history) {
            assertThat(actors().as("acme-viewer", () -> lineage.downstream(world.project().id(), version.getLineageArtifact())))
                    .as("v" + version.getVersion()).extracting(d -> d.type()).filteredOn(type -> type.startsWith("data.drift"))
                    .containsExactly(DatasetDrift.COMPARISON_EXECUTION, DatasetDrift.REPORT_ARTIFACT);
        }
        assertThat(actors().as("acme-pm", () -> datasets.deleteRefusal(world.project().id(), world.dataset())))
                .as("a report of the dataset's own versions does not hold the dataset").isEmpty();
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> drift.record(world.project().id(), world.dataset(), 1, 2)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherTenantsDatasetIsNotFound() {
        World world = twoVersions();
        assertThatThrownBy(() -> actors().as("globex-admin", () -> drift.compare(world.project().id(), world.dataset(), 1, 2)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> settings.read(world.project().id(), world.dataset())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> settings.save(world.project().id(), world.dataset(), 0.6, List.of())))
                .isInstanceOf(NotFoundException.class);
    }
}
