package dev.cairn.plugin.data.schema;

import static dev.cairn.plugin.data.db.Tables.DATASET_SCHEMA;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.SCHEMA_FEATURE;
import static dev.cairn.plugin.data.db.Tables.SCHEMA_FEATURE_CATEGORY;
import static dev.cairn.plugin.data.db.Tables.SCHEMA_VERSION;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetSchemaRecord;
import dev.cairn.plugin.data.db.tables.records.SchemaFeatureCategoryRecord;
import dev.cairn.plugin.data.db.tables.records.SchemaFeatureRecord;
import dev.cairn.plugin.data.db.tables.records.SchemaVersionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads and writes schema versions as rows (a version, its features, their categories), for the
 * tenant in scope. No permission checks: {@link DatasetSchemas} checks them, and the catalog serves
 * other stages' services, which check their own.
 */
@Component
public class SchemaStore {

    private final TenantDb db;

    SchemaStore(TenantDb db) {
        this.db = db;
    }

    Optional<DatasetSchemaRecord> schemaOfDataset(UUID datasetId) {
        return db.fetchOptional(DATASET_SCHEMA, DATASET_SCHEMA.DATASET_ID.eq(datasetId));
    }

    /** The dataset's schema versions, newest first. */
    List<SchemaVersionRecord> versions(UUID schemaId) {
        return db.fetch(SCHEMA_VERSION, SCHEMA_VERSION.SCHEMA_ID.eq(schemaId), SCHEMA_VERSION.VERSION.desc());
    }

    Optional<SchemaVersionRecord> version(UUID schemaId, int version) {
        return db.fetchOptional(SCHEMA_VERSION, SCHEMA_VERSION.SCHEMA_ID.eq(schemaId).and(SCHEMA_VERSION.VERSION.eq(version)));
    }

    /** The schema version, features included (any tenant's id but the one in scope: empty). */
    public Optional<DatasetSchema> schema(UUID schemaId, int version) {
        return version(schemaId, version).map(this::schema);
    }

    /** The dataset's approved schema version, if one is. */
    public Optional<DatasetSchema> approved(UUID datasetId) {
        return schemaOfDataset(datasetId).flatMap(s -> db.fetchOptional(SCHEMA_VERSION, SCHEMA_VERSION.SCHEMA_ID.eq(s.getId())
                .and(SCHEMA_VERSION.STATUS.eq(SchemaVersion.Status.APPROVED.name())))).map(this::schema);
    }

    DatasetSchema schema(SchemaVersionRecord version) {
        Map<Integer, List<String>> categories = db.fetch(SCHEMA_FEATURE_CATEGORY, SCHEMA_FEATURE_CATEGORY.VERSION_ID.eq(version.getId()),
                        SCHEMA_FEATURE_CATEGORY.POSITION.asc(), SCHEMA_FEATURE_CATEGORY.ORDINAL.asc()).stream()
                .collect(Collectors.groupingBy(SchemaFeatureCategoryRecord::getPosition, LinkedHashMap::new,
                        Collectors.mapping(SchemaFeatureCategoryRecord::getCategory, Collectors.toList())));
        List<Feature> features = db.fetch(SCHEMA_FEATURE, SCHEMA_FEATURE.VERSION_ID.eq(version.getId()), SCHEMA_FEATURE.POSITION.asc())
                .map(f -> feature(f, categories.getOrDefault(f.getPosition(), List.of())));
        return new DatasetSchema(version.getSchemaId(), version.getVersion(), features, version.getMinRows());
    }

    SchemaVersion view(SchemaVersionRecord version) {
        Integer inferredFrom = version.getInferredFrom() == null ? null
                : db.fetchOptional(DATASET_VERSION, DATASET_VERSION.ID.eq(version.getInferredFrom())).map(v -> v.getVersion()).orElse(null);
        return new SchemaVersion(version.getId(), schema(version), SchemaVersion.Status.valueOf(version.getStatus()), version.getAuthor(),
                version.getReason(), version.getCreatedAt().toInstant(), inferredFrom, version.getPreviousVersion(), version.getApprovedBy(),
                version.getApprovedAt() == null ? null : version.getApprovedAt().toInstant());
    }

    private static Feature feature(SchemaFeatureRecord f, List<String> categories) {
        FeatureDomain domain = switch (DomainKind.valueOf(f.getDomainKind())) {
            case ANY -> new FeatureDomain.Any();
            case RANGE -> new FeatureDomain.Range(f.getRangeMin(), f.getRangeMax());
            case CATEGORIES -> new FeatureDomain.Categories(Set.copyOf(categories));
        };
        Set<String> environments = f.getEnvironments().isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f.getEnvironments().split(",")));
        return new Feature(f.getName(), FeatureType.valueOf(f.getType()), f.getRequired(), domain, f.getIsLabel(), environments,
                f.getMinFractionPresent(), f.getMinDistinct(), f.getMaxDistinct());
    }

    DatasetSchemaRecord insertSchema(UUID projectId, UUID datasetId, String by, java.time.OffsetDateTime at) {
        DatasetSchemaRecord schema = db.newRecord(DATASET_SCHEMA);
        schema.setId(UUID.randomUUID());
        schema.setProjectId(projectId);
        schema.setDatasetId(datasetId);
        schema.setCreatedBy(by);
        schema.setCreatedAt(at);
        return db.insert(schema);
    }

    /** Stores the version row as given and its features in order (categories alphabetically). */
    SchemaVersionRecord insertVersion(SchemaVersionRecord version, List<Feature> features) {
        db.insert(version);
        for (int position = 0; position < features.size(); position++) {
            Feature feature = features.get(position);
            SchemaFeatureRecord row = db.newRecord(SCHEMA_FEATURE);
            row.setVersionId(version.getId());
            row.setPosition(position);
            row.setName(feature.name());
            row.setType(feature.type().name());
            row.setRequired(feature.required());
            row.setMinFractionPresent(feature.minFractionPresent());
            row.setDomainKind(DomainKind.of(feature.domain()).name());
            if (feature.domain() instanceof FeatureDomain.Range range) {
                row.setRangeMin(range.min());
                row.setRangeMax(range.max());
            }
            row.setIsLabel(feature.label());
            row.setEnvironments(String.join(",", new TreeSet<>(feature.environments())));
            row.setMinDistinct(feature.minDistinct());
            row.setMaxDistinct(feature.maxDistinct());
            db.insert(row);
            if (feature.domain() instanceof FeatureDomain.Categories categories) {
                List<String> sorted = new ArrayList<>(new TreeSet<>(categories.values()));
                for (int ordinal = 0; ordinal < sorted.size(); ordinal++) {
                    SchemaFeatureCategoryRecord category = db.newRecord(SCHEMA_FEATURE_CATEGORY);
                    category.setVersionId(version.getId());
                    category.setPosition(position);
                    category.setOrdinal(ordinal);
                    category.setCategory(sorted.get(ordinal));
                    db.insert(category);
                }
            }
        }
        return version;
    }

    SchemaVersionRecord newVersion() {
        return db.newRecord(SCHEMA_VERSION);
    }

    void update(SchemaVersionRecord version) {
        db.update(version);
    }
}
