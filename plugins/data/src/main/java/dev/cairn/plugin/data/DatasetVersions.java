package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.FileTooLargeException;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionColumnRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.CsvImporter;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.ingest.ImportRejectedException;
import dev.cairn.plugin.data.ingest.ImportSummary;
import dev.cairn.plugin.data.ingest.ParquetImporter;
import dev.cairn.plugin.data.ingest.ParquetMagic;
import dev.cairn.plugin.data.ingest.ParquetProperties;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dataset's versions: upload (checked by the importer before anything is stored), the history,
 * provenance edits, and deletion on request. The same bytes uploaded to a dataset twice are the
 * same version, and the caller is told so.
 */
@Service
public class DatasetVersions {

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final DatasetService datasets;
    private final FileStore files;
    private final VersionWriter writer;
    private final LineageRecorder lineage;
    private final AuditLog audit;
    private final DataIngestProperties properties;
    private final CsvImporter importer;
    private final ParquetImporter parquetImporter;

    DatasetVersions(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, DatasetService datasets, FileStore files,
                    VersionWriter writer, LineageRecorder lineage, AuditLog audit, DataIngestProperties properties,
                    ParquetProperties parquet) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.datasets = datasets;
        this.files = files;
        this.writer = writer;
        this.lineage = lineage;
        this.audit = audit;
        this.properties = properties;
        this.importer = new CsvImporter(properties.limits());
        this.parquetImporter = new ParquetImporter(properties.limits(), parquet);
    }

    /**
     * The outcome of an upload.
     *
     * @param version       the new version, or the one that already held these bytes
     * @param alreadyStored true when the dataset had a version with these exact bytes (nothing was stored)
     */
    public record Upload(DatasetVersionRecord version, boolean alreadyStored) {

        /** What to tell the user. */
        public String message(String datasetName) {
            return alreadyStored
                    ? "This file is already version " + version.getVersion() + " of " + datasetName + " (uploaded by " + version.getCreatedBy()
                    + " on " + version.getCreatedAt().toLocalDate() + "): the same bytes are the same version, nothing new was stored."
                    : "Stored as version " + version.getVersion() + " of " + datasetName + ": " + version.getRowCount() + " rows, "
                    + version.getColumnCount() + " columns.";
        }
    }

    /**
     * Reads the upload to its end into a temporary file (counted against the tenant's upload limit,
     * hashed), returns the dataset's version with those bytes if it has one, else checks the file
     * strictly and stores it as the next version. A refused or broken-off upload leaves nothing: no
     * row, no stored file, no temporary file.
     *
     * @throws dev.cairn.plugin.data.ingest.ImportRejectedException naming the line and column at fault
     * @throws FileTooLargeException over the tenant's upload limit
     */
    public Upload upload(UUID projectId, UUID datasetId, NewFile file, InputStream content, FormatOverrides overrides, Provenance provenance) {
        var user = permissions.require(DataPermissions.UPLOAD);
        projects.require(projectId);
        DatasetRecord dataset = datasets.require(projectId, datasetId);
        String name = fileName(file.name());
        long limit = files.uploadLimit();
        if (file.declaredLength() > limit) {
            throw new FileTooLargeException(name, limit); // before a byte is read
        }
        try (Spool spool = Spool.of(content, properties.spoolDirectory(), limit, name)) {
            Optional<DatasetVersionRecord> same = liveWithContent(datasetId, spool.sha256());
            if (same.isPresent()) {
                return new Upload(same.get(), true);
            }
            ImportSummary summary = check(spool, overrides == null ? FormatOverrides.NONE : overrides, name);
            try {
                return new Upload(writer.write(dataset, name, file.contentType(), spool, summary, provenance, user.username()), false);
            } catch (DataIntegrityViolationException raced) {
                // The same bytes, stored by a concurrent upload to this dataset a moment earlier.
                return liveWithContent(datasetId, spool.sha256()).map(v -> new Upload(v, true)).orElseThrow(() -> raced);
            }
        }
    }

    /**
     * Parquet when the file says so by its magic bytes ("PAR1" at both ends) or the user by its name;
     * else CSV or TSV. A file that starts as Parquet and fails as text is a truncated Parquet file, and
     * told so rather than given a text refusal about bytes that were never text.
     */
    private ImportSummary check(Spool spool, FormatOverrides overrides, String name) {
        if (ParquetMagic.namedParquet(name) || ParquetMagic.isParquet(spool.file())) {
            return parquetImporter.check(spool.file(), name);
        }
        try {
            return importer.check(spool::open, overrides, name);
        } catch (ImportRejectedException refused) {
            if (ParquetMagic.startsWithMagic(spool.file())) {
                return parquetImporter.check(spool.file(), name);
            }
            throw refused;
        }
    }

    /** Every version of the dataset, deleted ones (tombstones) included, newest first. */
    public List<DatasetVersionRecord> history(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        datasets.require(projectId, datasetId);
        return db.fetch(DATASET_VERSION, DATASET_VERSION.PROJECT_ID.eq(projectId).and(DATASET_VERSION.DATASET_ID.eq(datasetId)),
                DATASET_VERSION.VERSION.desc());
    }

    /** One version of the project, deleted or not; another tenant's or project's id is not found. */
    public DatasetVersionRecord version(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        return require(projectId, versionId);
    }

    /** The version's column names in order (none for a deleted version). */
    public List<String> columns(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        require(projectId, versionId);
        return columnNames(versionId);
    }

    List<String> columnNames(UUID versionId) {
        return db.fetch(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(versionId), DATASET_VERSION_COLUMN.POSITION.asc())
                .map(DatasetVersionColumnRecord::getName);
    }

    /** Changes what the uploader said about the version; its bytes, digest and counts never change. */
    @Transactional
    public DatasetVersionRecord editProvenance(UUID projectId, UUID versionId, Provenance provenance) {
        var user = permissions.require(DataPermissions.UPLOAD);
        DatasetVersionRecord version = requireLive(projectId, versionId);
        version.setSource(provenance.source());
        version.setCollectionMethod(provenance.collectionMethod());
        version.setLicence(provenance.licence());
        version.setNotes(provenance.notes());
        version.setProvenanceEditedBy(user.username());
        version.setProvenanceEditedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        db.update(version);
        return version;
    }

    /**
     * Deletes a version's bytes for good (a privacy request): its file goes from the store unless
     * another live version (of any dataset of the tenant) holds the same bytes, its columns go, and its
     * row stays as a tombstone naming who deleted it, when and why. Audited; lineage records the
     * deletion and a tombstone artifact, and keeps what was made from the version.
     *
     * @return what to tell the user
     */
    @Transactional
    public String delete(UUID projectId, UUID versionId, String reason) {
        var user = permissions.require(DataPermissions.DELETE_VERSION);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("Reason: say why the version is deleted (for example the privacy request's reference).");
        }
        if (why.length() > 1000) {
            throw new IllegalArgumentException("Reason must have at most 1000 characters.");
        }
        DatasetVersionRecord version = requireLive(projectId, versionId);
        DatasetRecord dataset = datasets.require(projectId, version.getDatasetId());
        UUID fileId = version.getFileId();
        List<DatasetVersionRecord> sharing = db.fetch(DATASET_VERSION, DATASET_VERSION.FILE_ID.eq(fileId)
                .and(DATASET_VERSION.ID.ne(versionId)).and(DATASET_VERSION.DELETED_AT.isNull()));
        tombstone(dataset, version, user.username(), why);
        String target = "dataset " + dataset.getName() + " version " + version.getVersion() + " (" + versionId + ")";
        if (sharing.isEmpty()) {
            audit.record("data.version.delete", target, AuditLog.Outcome.SUCCESS, why);
            files.delete(fileId, "Dataset version deleted: " + why, DataPermissions.DELETE_VERSION);
            return "Version " + version.getVersion() + " of " + dataset.getName() + " is deleted: its bytes are gone.";
        }
        String others = String.join(", ", sharing.stream().map(v -> "version " + v.getVersion() + " of "
                + datasets.require(v.getProjectId(), v.getDatasetId()).getName()).toList());
        audit.record("data.version.delete", target, AuditLog.Outcome.SUCCESS, why + " (the bytes stay: also " + others + ")");
        return "Version " + version.getVersion() + " of " + dataset.getName() + " is deleted. The same bytes are also " + others
                + ": they stay until that is deleted too.";
    }

    /**
     * Marks the live versions of the tenant whose stored file was deleted (a tenant admin's privacy
     * deletion, heard as StoredFileDeleted) as deleted, naming who deleted the file and why; the
     * bytes are gone already. A second delivery finds them deleted and does nothing.
     *
     * @return how many versions were marked
     */
    @Transactional
    public int markFileDeleted(UUID fileId, String by, String reason) {
        List<DatasetVersionRecord> using = db.fetch(DATASET_VERSION, DATASET_VERSION.FILE_ID.eq(fileId).and(DATASET_VERSION.DELETED_AT.isNull()));
        for (DatasetVersionRecord version : using) {
            DatasetRecord dataset = datasets.require(version.getProjectId(), version.getDatasetId());
            tombstone(dataset, version, by, "Its stored file was deleted by a tenant admin: " + reason);
        }
        return using.size();
    }

    /** What both deletions share: the row becomes a tombstone, the columns go, lineage records it. */
    private void tombstone(DatasetRecord dataset, DatasetVersionRecord version, String by, String why) {
        UUID versionId = version.getId();
        UUID projectId = version.getProjectId();
        String reason = why.length() > 1000 ? why.substring(0, 1000) : why;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        version.setFileId(null);
        version.setSha256(null);
        version.setSizeBytes(null);
        version.setDeletedBy(by);
        version.setDeletedAt(now);
        version.setDeletionReason(reason);
        db.update(version);
        db.delete(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(versionId));
        // Its statistics go too: top values and class balances are the data's own values.
        db.delete(dev.cairn.plugin.data.db.Tables.VERSION_PROFILE, dev.cairn.plugin.data.db.Tables.VERSION_PROFILE.VERSION_ID.eq(versionId));
        // And its stored validations: their anomalies name the data's values ("'overseas' (40)").
        db.delete(dev.cairn.plugin.data.db.Tables.VERSION_VALIDATION, dev.cairn.plugin.data.db.Tables.VERSION_VALIDATION.VERSION_ID.eq(versionId));
        UUID tombstone = lineage.recordArtifact(projectId, DataPlugin.TOMBSTONE_ARTIFACT, dataset.getName() + " v" + version.getVersion() + " (deleted)",
                "cairn-deleted:" + versionId, Map.of("dataset_id", dataset.getId().toString(), "version_id", versionId.toString(),
                        "deleted_by", by, "deleted_at", now.toString(), "reason", reason));
        List<UUID> inputs = version.getLineageArtifact() == null ? List.of() : List.of(version.getLineageArtifact());
        lineage.recordExecution(projectId, DataPlugin.DELETION_EXECUTION, "Delete " + dataset.getName() + " v" + version.getVersion(), inputs,
                List.of(tombstone), Map.of("by", by, "reason", reason));
    }

    Optional<DatasetVersionRecord> liveWithContent(UUID datasetId, String sha256) {
        return db.fetchOptional(DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(datasetId).and(DATASET_VERSION.SHA256.eq(sha256))
                .and(DATASET_VERSION.DELETED_AT.isNull()));
    }

    private DatasetVersionRecord require(UUID projectId, UUID versionId) {
        return db.fetchOptional(DATASET_VERSION, DATASET_VERSION.PROJECT_ID.eq(projectId).and(DATASET_VERSION.ID.eq(versionId)))
                .orElseThrow(() -> new NotFoundException("Dataset version"));
    }

    private DatasetVersionRecord requireLive(UUID projectId, UUID versionId) {
        DatasetVersionRecord version = require(projectId, versionId);
        if (version.getDeletedAt() != null) {
            throw new NotFoundException("Dataset version");
        }
        return version;
    }

    private static String fileName(String name) {
        String clean = name == null ? "" : name.strip();
        int slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
        clean = clean.substring(slash + 1);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("File name is required.");
        }
        return clean.length() > 255 ? clean.substring(0, 255) : clean;
    }
}
