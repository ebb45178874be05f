package dev.cairn.plugin.data.driftpage;

import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.DriftComparison;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.VersionProfiles;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.drift.ProfileDistributions;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drift between two versions of a dataset, from their profiles (never their files): features matched
 * by name, a column on one side only or of a kind that is not compared reported with the reason, the
 * dataset's own settings deciding. Needs data.read; both versions must be the dataset's, live, and
 * profiled.
 */
@Service
public class DatasetDrift {

    /** A recorded comparison's report, in the lineage graph. */
    public static final String REPORT_ARTIFACT = "data.drift-report";
    /** The comparison that made a recorded report from both versions. */
    public static final String COMPARISON_EXECUTION = "data.drift-comparison";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PermissionCheck permissions;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final VersionProfiles profiles;
    private final DriftSettingsStore settings;
    private final DriftComparison comparison;
    private final LineageRecorder lineage;

    DatasetDrift(PermissionCheck permissions, DatasetService datasets, DatasetVersions versions, VersionProfiles profiles,
                 DriftSettingsStore settings, DriftComparison comparison, LineageRecorder lineage) {
        this.lineage = lineage;
        this.permissions = permissions;
        this.datasets = datasets;
        this.versions = versions;
        this.profiles = profiles;
        this.settings = settings;
        this.comparison = comparison;
    }

    /** A pair to compare by default: the live version before the newest, and the newest. */
    public record Pair(int reference, int current) {
    }

    /** The previous and the newest live version; empty while the dataset has fewer than two. */
    public Optional<Pair> defaultPair(UUID projectId, UUID datasetId) {
        List<Integer> live = liveNumbers(projectId, datasetId);
        return live.size() < 2 ? Optional.empty() : Optional.of(new Pair(live.get(1), live.get(0)));
    }

    /** The numbers of the dataset's live versions, newest first. */
    public List<Integer> liveNumbers(UUID projectId, UUID datasetId) {
        return versions.history(projectId, datasetId).stream().filter(v -> v.getDeletedAt() == null)
                .map(DatasetVersionRecord::getVersion).toList();
    }

    /**
     * Compares version {@code current} of the dataset with version {@code reference}.
     *
     * @throws NotFoundException           for another project's or tenant's dataset, or a number the dataset never had
     * @throws DriftUnavailableException   when a version was deleted, is not profiled yet, or both are the same
     */
    public VersionDrift compare(UUID projectId, UUID datasetId, int reference, int current) {
        permissions.require(DataPermissions.READ);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        if (reference == current) {
            throw new DriftUnavailableException("Pick two different versions: version " + reference
                    + " compared with itself cannot drift.");
        }
        List<DatasetVersionRecord> history = versions.history(projectId, datasetId);
        DatasetVersionRecord ref = live(dataset, history, reference);
        DatasetVersionRecord cur = live(dataset, history, current);
        ProfileDistributions refColumns = ProfileDistributions.of(profile(projectId, dataset, ref));
        ProfileDistributions curColumns = ProfileDistributions.of(profile(projectId, dataset, cur));
        DriftReport report = compare(refColumns, curColumns, settings.read(projectId, datasetId).settings());
        return new VersionDrift(dataset.getName(), reference, current, ref.getId(), cur.getId(), report);
    }

    /**
     * Compares the two versions as {@link #compare} does and records the report in the lineage
     * graph: a drift report artifact (its verdict and drifted features as properties) made by a
     * comparison execution from both versions' artifacts. Needs data.upload, as changing the
     * settings does: it writes to the project.
     *
     * @return the report and the artifact's id
     */
    @Transactional
    public Recorded record(UUID projectId, UUID datasetId, int reference, int current) {
        var user = permissions.require(DataPermissions.UPLOAD);
        VersionDrift result = compare(projectId, datasetId, reference, current);
        DriftReport report = result.report();
        String drifted = String.join(", ", report.features().stream().filter(FeatureDrift::drifted)
                .map(FeatureDrift::feature).toList());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dataset_id", datasetId.toString());
        properties.put("reference_version", String.valueOf(reference));
        properties.put("current_version", String.valueOf(current));
        properties.put("compared", String.valueOf(report.compared()));
        properties.put("drifted", String.valueOf(report.drifted()));
        properties.put("drifted_share", String.valueOf(report.driftedShare()));
        properties.put("drift_share_threshold", String.valueOf(report.driftShareThreshold()));
        properties.put("dataset_drifted", String.valueOf(report.datasetDrifted()));
        properties.put("drifted_features", drifted);
        String name = result.dataset() + " drift v" + reference + " → v" + current;
        UUID artifact = lineage.recordArtifact(projectId, REPORT_ARTIFACT, name,
                "cairn-drift:" + datasetId + "/" + reference + "/" + current, properties);
        List<UUID> inputs = new ArrayList<>();
        for (DatasetVersionRecord version : versions.history(projectId, datasetId)) {
            if ((version.getVersion() == reference || version.getVersion() == current) && version.getLineageArtifact() != null) {
                inputs.add(version.getLineageArtifact());
            }
        }
        lineage.recordExecution(projectId, COMPARISON_EXECUTION, "Compare v" + reference + " with v" + current, inputs,
                List.of(artifact), Map.of("by", user.username()));
        return new Recorded(result, artifact, name);
    }

    /** A report recorded in the lineage graph. */
    public record Recorded(VersionDrift drift, UUID artifact, String name) {
    }

    private DriftReport compare(ProfileDistributions reference, ProfileDistributions current,
                                dev.cairn.api.data.drift.DriftSettings driftSettings) {
        Set<String> names = new LinkedHashSet<>();
        names.addAll(reference.distributions().keySet());
        names.addAll(reference.notComparable().keySet());
        names.addAll(current.distributions().keySet());
        names.addAll(current.notComparable().keySet());
        Map<String, String> refused = new LinkedHashMap<>();
        SequencedMap<String, ColumnDistribution> refComparable = new LinkedHashMap<>();
        SequencedMap<String, ColumnDistribution> curComparable = new LinkedHashMap<>();
        for (String name : names) {
            String reason = reference.notComparable().containsKey(name)
                    ? "in the reference: " + reference.notComparable().get(name)
                    : current.notComparable().containsKey(name) ? "in the current version: "
                    + current.notComparable().get(name) : null;
            if (reason != null) {
                refused.put(name, reason);
                continue;
            }
            if (reference.distributions().containsKey(name)) {
                refComparable.put(name, reference.distributions().get(name));
            }
            if (current.distributions().containsKey(name)) {
                curComparable.put(name, current.distributions().get(name));
            }
        }
        DriftReport compared = comparison.compare(refComparable, curComparable, driftSettings);
        if (refused.isEmpty()) {
            return compared;
        }
        // The features in the versions' column order, those that could not be compared with the reason.
        List<FeatureDrift> features = new ArrayList<>();
        for (String name : names) {
            features.add(refused.containsKey(name) ? FeatureDrift.notCompared(name, null, refused.get(name))
                    : compared.feature(name).orElseThrow());
        }
        return new DriftReport(features, compared.compared(), compared.drifted(), compared.driftedShare(),
                compared.driftShareThreshold(), compared.datasetDrifted());
    }

    private static DatasetVersionRecord live(DatasetRecord dataset, List<DatasetVersionRecord> history, int number) {
        DatasetVersionRecord version = history.stream().filter(v -> v.getVersion() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("Version " + number + " of dataset " + dataset.getName()));
        if (version.getDeletedAt() != null) {
            throw new DriftUnavailableException("Version " + number + " of " + dataset.getName() + " was deleted on "
                    + version.getDeletedAt().format(DAY) + " by " + version.getDeletedBy() + " ("
                    + version.getDeletionReason() + "); its data is gone, so it cannot be compared. Pick another version.");
        }
        return version;
    }

    private dev.cairn.plugin.data.profile.DatasetProfile profile(UUID projectId, DatasetRecord dataset,
                                                                 DatasetVersionRecord version) {
        return profiles.profile(projectId, version.getId()).orElseThrow(() -> new DriftUnavailableException(
                "The profile of version " + version.getVersion() + " of " + dataset.getName()
                        + " is not available yet; compare again once it has been profiled."));
    }
}
