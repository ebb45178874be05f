package dev.cairn.plugin.data.driftpage;

import static dev.cairn.plugin.data.db.Tables.DRIFT_FEATURE_SETTING;
import static dev.cairn.plugin.data.db.Tables.DRIFT_SETTINGS;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftSettings;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.db.tables.records.DriftFeatureSettingRecord;
import dev.cairn.plugin.data.db.tables.records.DriftSettingsRecord;
import dev.cairn.plugin.data.driftpage.DriftSettingsRules.FeatureSetting;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dataset's drift settings (V5__drift_settings.sql): everyone who reads the dataset reads them,
 * those who upload its versions (data.upload) change them. Saving replaces them whole, after
 * {@link DriftSettingsRules}: nothing is written when one value is wrong.
 */
@Service
public class DriftSettingsStore {

    private final TenantDb db;
    private final PermissionCheck permissions;
    private final DatasetService datasets;

    DriftSettingsStore(TenantDb db, PermissionCheck permissions, DatasetService datasets) {
        this.db = db;
        this.permissions = permissions;
        this.datasets = datasets;
    }

    /**
     * The settings as stored, the defaults when none are.
     *
     * @param driftShare the dataset-level share
     * @param features   the features with their own method, by name
     * @param updatedBy  who saved them last (null: never saved, the defaults)
     * @param updatedAt  when
     */
    public record Stored(double driftShare, List<FeatureSetting> features, String updatedBy, OffsetDateTime updatedAt) {

        public Stored {
            features = List.copyOf(features);
        }

        /** What the comparison takes. */
        public DriftSettings settings() {
            Map<String, dev.cairn.api.data.drift.FeatureOverride> overrides = new LinkedHashMap<>();
            features.forEach(f -> overrides.put(f.feature(), f.override()));
            return new DriftSettings(overrides, driftShare);
        }
    }

    public Stored read(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.READ);
        datasets.find(projectId, datasetId);
        var row = db.fetchOptional(DRIFT_SETTINGS, DRIFT_SETTINGS.DATASET_ID.eq(datasetId));
        List<FeatureSetting> features = db.fetch(DRIFT_FEATURE_SETTING, DRIFT_FEATURE_SETTING.DATASET_ID.eq(datasetId),
                        DRIFT_FEATURE_SETTING.FEATURE.asc())
                .map(f -> new FeatureSetting(f.getFeature(), DriftMethod.valueOf(f.getMethod()), f.getThreshold()));
        return row.map(r -> new Stored(r.getDriftShare(), features, r.getUpdatedBy(), r.getUpdatedAt()))
                .orElseGet(() -> new Stored(DriftSettings.DEFAULT_DRIFT_SHARE, features, null, null));
    }

    /**
     * Replaces the dataset's settings.
     *
     * @throws IllegalArgumentException naming every field that is wrong; nothing is stored then
     */
    @Transactional
    public Stored save(UUID projectId, UUID datasetId, Double driftShare, List<FeatureSetting> features) {
        var user = permissions.require(DataPermissions.UPLOAD);
        datasets.find(projectId, datasetId);
        List<String> problems = DriftSettingsRules.problems(driftShare, features);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        var existing = db.fetchOptional(DRIFT_SETTINGS, DRIFT_SETTINGS.DATASET_ID.eq(datasetId));
        DriftSettingsRecord row = existing.orElseGet(() -> {
            DriftSettingsRecord fresh = db.newRecord(DRIFT_SETTINGS);
            fresh.setDatasetId(datasetId);
            return fresh;
        });
        row.setDriftShare(driftShare);
        row.setUpdatedBy(user.username());
        row.setUpdatedAt(now);
        if (existing.isPresent()) {
            db.update(row);
        } else {
            db.insert(row);
        }
        db.delete(DRIFT_FEATURE_SETTING, DRIFT_FEATURE_SETTING.DATASET_ID.eq(datasetId));
        for (FeatureSetting setting : features) {
            DriftFeatureSettingRecord feature = db.newRecord(DRIFT_FEATURE_SETTING);
            feature.setDatasetId(datasetId);
            feature.setFeature(setting.feature().strip());
            feature.setMethod(setting.method().name());
            feature.setThreshold(setting.threshold());
            db.insert(feature);
        }
        return read(projectId, datasetId);
    }
}
