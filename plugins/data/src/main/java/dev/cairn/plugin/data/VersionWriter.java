package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;

import dev.cairn.api.data.DatasetVersionCreated;
import dev.cairn.api.events.DomainEvents;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.files.StoreResult;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionColumnRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.CsvFormat;
import dev.cairn.plugin.data.ingest.ImportSummary;
import dev.cairn.plugin.data.statistics.ProfileQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a checked upload as a new version, in one transaction: the file in the platform's store, the
 * version row and its columns, its lineage artifact and import execution, its profiling job, and DatasetVersionCreated.
 * Called only after the import check passed, so a refused file never gets here.
 */
@Component
class VersionWriter {

    private final TenantDb db;
    private final FileStore files;
    private final LineageRecorder lineage;
    private final LineageQueries lineageQueries;
    private final DomainEvents events;
    private final ProfileQueue profiling;

    VersionWriter(TenantDb db, FileStore files, LineageRecorder lineage, LineageQueries lineageQueries, DomainEvents events,
                  ProfileQueue profiling) {
        this.db = db;
        this.files = files;
        this.lineage = lineage;
        this.lineageQueries = lineageQueries;
        this.events = events;
        this.profiling = profiling;
    }

    @Transactional
    DatasetVersionRecord write(DatasetRecord dataset, String fileName, String contentType, Spool spool, ImportSummary summary,
                               Provenance provenance, String username) {
        StoreResult stored;
        try (InputStream content = spool.open()) {
            stored = files.store(new NewFile(fileName, contentType, spool.size()), content);
        } catch (IOException failed) {
            throw new UncheckedIOException("The checked upload could not be read back: " + failed.getMessage(), failed);
        }
        int number = db.fetch(DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(dataset.getId()), DATASET_VERSION.VERSION.desc()).stream()
                .findFirst().map(v -> v.getVersion() + 1).orElse(1);
        DatasetVersionRecord version = db.newRecord(DATASET_VERSION);
        version.setId(UUID.randomUUID());
        version.setProjectId(dataset.getProjectId());
        version.setDatasetId(dataset.getId());
        version.setVersion(number);
        version.setFileId(stored.file().id());
        version.setSha256(stored.file().sha256());
        version.setSizeBytes(stored.file().sizeBytes());
        version.setFileName(stored.file().name());
        version.setRowCount(summary.rows());
        version.setColumnCount(summary.columns().size());
        version.setFormat(summary.kind());
        CsvFormat format = summary.format();
        if (format == null) {
            // Parquet: its schema names and types the columns; nothing delimits or encodes text.
            version.setDelimiter("");
            version.setQuoteChar("");
            version.setHasHeader(true);
            version.setEncoding(VersionFiles.PARQUET_ENCODING);
        } else {
            version.setDelimiter(String.valueOf(format.delimiter()));
            version.setQuoteChar(String.valueOf(format.quote()));
            version.setHasHeader(format.header());
            version.setEncoding(format.encoding().name() + (format.bomLength() > 0 ? " (BOM)" : ""));
        }
        version.setSource(provenance.source());
        version.setCollectionMethod(provenance.collectionMethod());
        version.setLicence(provenance.licence());
        version.setNotes(provenance.notes());
        version.setCreatedBy(username);
        version.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        version.setLineageArtifact(recordLineage(dataset, version, username));
        db.insert(version);
        for (int i = 0; i < summary.columns().size(); i++) {
            DatasetVersionColumnRecord column = db.newRecord(DATASET_VERSION_COLUMN);
            column.setVersionId(version.getId());
            column.setPosition(i + 1);
            column.setName(summary.columns().get(i));
            db.insert(column);
        }
        // Queued with the version: the job runs once this commits, and a rolled-back upload queues nothing.
        profiling.queue(version, null, username);
        events.publish(new DatasetVersionCreated(version.getTenantId(), dataset.getProjectId(), dataset.getId(), version.getId(), number,
                version.getSha256(), version.getCreatedAt().toInstant()));
        return version;
    }

    /** The version as an artifact, made by an import execution from the dataset's own artifact (when it has one). */
    private UUID recordLineage(DatasetRecord dataset, DatasetVersionRecord version, String username) {
        UUID artifact = lineage.recordArtifact(dataset.getProjectId(), DataPlugin.VERSION_ARTIFACT, dataset.getName() + " v" + version.getVersion(),
                "cairn-file:" + version.getFileId(), Map.of("dataset_id", dataset.getId().toString(), "version_id", version.getId().toString(),
                        "version", String.valueOf(version.getVersion()), "sha256", version.getSha256(),
                        "rows", String.valueOf(version.getRowCount()), "columns", String.valueOf(version.getColumnCount()),
                        "format", version.getFormat()));
        List<UUID> inputs = lineageQueries.artifactWith(dataset.getProjectId(), DataPlugin.DATASET_ARTIFACT, "dataset_id", dataset.getId().toString())
                .map(a -> List.of(a.id())).orElse(List.of());
        lineage.recordExecution(dataset.getProjectId(), DataPlugin.IMPORT_EXECUTION, "Import " + version.getFileName(), inputs, List.of(artifact),
                Map.of("by", username, "file", version.getFileName()));
        return artifact;
    }
}
