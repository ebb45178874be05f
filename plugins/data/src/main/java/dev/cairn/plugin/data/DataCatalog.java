package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.DATASET;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;

import dev.cairn.api.data.DatasetCatalog;
import dev.cairn.api.data.DatasetRef;
import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.DatasetVersion;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.api.data.SchemaRef;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.schema.SchemaStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The data stage's answer to {@link DatasetCatalog}: datasets and their live versions (a deleted
 * version is not offered). For other stages' services and background jobs, which check their own
 * permissions; every read is the tenant's in scope.
 *
 * <p>A version carries its dataset's newest <em>approved</em> schema version (1, 2, ..., see
 * {@link dev.cairn.plugin.data.schema.DatasetSchemas}); while the dataset has none approved, its
 * <em>inferred minimal schema</em>: schema id = the version's id, schema version 0, one optional
 * {@link FeatureType#TEXT} feature per column in file order, no label. Version 0 says "nobody
 * agreed this". {@link #schema} answers for both, drafts included.
 */
@Component
class DataCatalog implements DatasetCatalog {

    static final int INFERRED_SCHEMA_VERSION = 0;

    private final TenantDb db;
    private final DatasetVersions versions;
    private final SchemaStore schemas;

    DataCatalog(TenantDb db, DatasetVersions versions, SchemaStore schemas) {
        this.db = db;
        this.versions = versions;
        this.schemas = schemas;
    }

    @Override
    public List<DatasetRef> datasets(UUID projectId) {
        return db.fetch(DATASET, DATASET.PROJECT_ID.eq(projectId), DATASET.NAME.asc()).map(DataCatalog::ref);
    }

    @Override
    public Optional<DatasetVersion> version(UUID datasetVersionId) {
        return db.fetchOptional(DATASET_VERSION, DATASET_VERSION.ID.eq(datasetVersionId).and(DATASET_VERSION.DELETED_AT.isNull()))
                .flatMap(v -> db.fetchOptional(DATASET, DATASET.ID.eq(v.getDatasetId())).map(d -> toVersion(ref(d), v)));
    }

    @Override
    public List<DatasetVersion> versions(UUID datasetId) {
        return db.fetchOptional(DATASET, DATASET.ID.eq(datasetId)).map(d -> db.fetch(DATASET_VERSION,
                        DATASET_VERSION.DATASET_ID.eq(datasetId).and(DATASET_VERSION.DELETED_AT.isNull()), DATASET_VERSION.VERSION.desc())
                .map(v -> toVersion(ref(d), v))).orElse(List.of());
    }

    @Override
    public Optional<DatasetSchema> schema(SchemaRef schema) {
        if (schema.version() != INFERRED_SCHEMA_VERSION) {
            return schemas.schema(schema.schemaId(), schema.version());
        }
        return db.fetchOptional(DATASET_VERSION, DATASET_VERSION.ID.eq(schema.schemaId()).and(DATASET_VERSION.DELETED_AT.isNull()))
                .map(v -> inferred(v.getId()));
    }

    private DatasetVersion toVersion(DatasetRef dataset, DatasetVersionRecord v) {
        return new DatasetVersion(v.getId(), dataset, v.getVersion(), v.getSha256(), v.getFileId(), v.getRowCount(),
                schemas.approved(dataset.id()).orElseGet(() -> inferred(v.getId())),
                v.getCreatedAt().toInstant(), v.getCreatedBy());
    }

    private DatasetSchema inferred(UUID versionId) {
        List<Feature> features = versions.columnNames(versionId).stream()
                .map(name -> new Feature(name, FeatureType.TEXT, false, new FeatureDomain.Any(), false, Set.of())).toList();
        return new DatasetSchema(versionId, INFERRED_SCHEMA_VERSION, features);
    }

    private static DatasetRef ref(DatasetRecord d) {
        return new DatasetRef(d.getId(), d.getProjectId(), d.getName());
    }
}
