package dev.cairn.app.files;

import static dev.cairn.app.db.Tables.STORED_FILE;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.events.DomainEvents;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.FileTooLargeException;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.files.StoreResult;
import dev.cairn.api.files.StoredFile;
import dev.cairn.api.files.StoredFileDeleted;
import dev.cairn.api.files.FileUsage;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.StoredFileRecord;
import dev.cairn.app.tenancy.TenantScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file store: stream to a staging blob (hashing, counting against the limit), check archives,
 * then either return the tenant's existing file with those bytes or commit the blob and insert its
 * row. Anything that fails before the row exists discards the staged blob.
 */
@Service
public class StoredFileService implements FileStore {

    private final TenantDb db;
    private final BlobStore blobs;
    private final FileLimits limits;
    private final ArchiveInspector archives;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final PermissionCheck permissions;
    private final DomainEvents events;
    private final ObjectProvider<FileUsage> usages;

    StoredFileService(TenantDb db, BlobStore blobs, FileLimits limits, FilesProperties properties, CurrentUser currentUser, AuditLog audit,
                      @Lazy PermissionCheck permissions, @Lazy DomainEvents events, ObjectProvider<FileUsage> usages) {
        this.db = db;
        this.blobs = blobs;
        this.limits = limits;
        this.archives = new ArchiveInspector(properties.archive());
        this.currentUser = currentUser;
        this.audit = audit;
        this.permissions = permissions;
        this.events = events;
        this.usages = usages;
    }

    @Override
    public StoreResult store(NewFile file, InputStream content) {
        UUID tenant = TenantScope.require();
        String name = FileNames.clean(file.name());
        long limit = limits.currentLimit();
        if (file.declaredLength() > limit) {
            throw new FileTooLargeException(name, limit); // before a byte is read
        }
        try (BlobStore.Staged staged = blobs.stage(tenant)) {
            LimitedDigestCopy.Copied copied;
            try (OutputStream out = staged.output()) {
                copied = LimitedDigestCopy.copy(content, out, limit, name);
            }
            Optional<StoredFileRecord> existing = byHash(copied.sha256());
            if (existing.isPresent()) {
                if (!blobs.exists(tenant, copied.sha256())) {
                    staged.commit(copied.sha256()); // the row outlived its content (a restored backup): put it back
                }
                return new StoreResult(toFile(existing.get()), true);
            }
            ArchiveInspector.Kind kind = archives.check(staged.file());
            staged.commit(copied.sha256());
            return insert(tenant, name, file.contentType(), copied, kind != ArchiveInspector.Kind.NONE);
        } catch (IOException failed) {
            throw new UncheckedIOException("The upload of \"" + name + "\" did not complete: " + failed.getMessage(), failed);
        }
    }

    private StoreResult insert(UUID tenant, String name, String contentType, LimitedDigestCopy.Copied copied, boolean archive) throws IOException {
        StoredFileRecord row = db.newRecord(STORED_FILE);
        row.setId(UUID.randomUUID());
        row.setSha256(copied.sha256());
        row.setSizeBytes(copied.size());
        row.setName(name);
        row.setContentType(contentType == null || contentType.isBlank() ? null : contentType.strip());
        row.setArchive(archive);
        row.setCreatedBy(currentUser.get().map(UserInfo::username).orElse("system"));
        row.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)); // what the database keeps
        try {
            return new StoreResult(toFile(db.insert(row)), false);
        } catch (DataAccessException failed) {
            Optional<StoredFileRecord> raced = byHash(copied.sha256());
            if (raced.isPresent()) {
                return new StoreResult(toFile(raced.get()), true); // the same bytes, stored by a concurrent upload
            }
            blobs.delete(tenant, copied.sha256());
            throw failed;
        }
    }

    @Override
    public StoredFile metadata(UUID id) {
        return toFile(row(id));
    }

    @Override
    public InputStream open(UUID id) {
        StoredFileRecord row = row(id);
        try {
            return blobs.open(TenantScope.require(), row.getSha256());
        } catch (IOException missing) {
            throw new UncheckedIOException("The content of file " + id + " cannot be read: " + missing.getMessage(), missing);
        }
    }

    @Override
    @Transactional
    public void delete(UUID id, String reason) {
        Permissions.requireAnyRole(currentUser, "delete stored files", Role.TENANT_ADMIN);
        deleteFile(id, reason);
    }

    @Override
    @Transactional
    public void delete(UUID id, String reason, PermissionDefinition allowedBy) {
        permissions.require(allowedBy);
        deleteFile(id, reason == null || reason.isBlank() ? reason : reason + " (allowed by " + allowedBy.id() + ")");
    }

    private void deleteFile(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A deletion needs a reason (for example the privacy request's reference).");
        }
        StoredFileRecord row = row(id);
        try {
            // Content first: a privacy deletion that fails half-way must not leave the bytes behind a deleted row.
            blobs.delete(TenantScope.require(), row.getSha256());
        } catch (IOException failed) {
            audit.record("file.delete", target(row), Outcome.FAILURE, reason + ": " + failed.getMessage());
            throw new UncheckedIOException("The content of file " + id + " could not be deleted: " + failed.getMessage(), failed);
        }
        db.delete(STORED_FILE, STORED_FILE.ID.eq(id));
        audit.record("file.delete", target(row), Outcome.SUCCESS, reason);
        // Plugins that used the file mark their records deleted, after this commits (DomainEvents).
        events.publish(new StoredFileDeleted(TenantScope.require(), id, row.getName(), currentUser.require().username(), reason,
                Instant.now()));
    }

    /**
     * What of every plugin still uses the file, for the tenant admin who is about to delete it;
     * another tenant's file is not found.
     */
    public List<String> usesOf(UUID id) {
        Permissions.requireAnyRole(currentUser, "see what uses a stored file", Role.TENANT_ADMIN);
        row(id);
        return usages.orderedStream().flatMap(usage -> usage.usesOf(id).stream()).toList();
    }

    /**
     * Every file the tenant stored, newest first, for its tenant admin's list. Not in cairn-api: plugins
     * keep the ids of their own files and have no need to see the others'.
     */
    public List<StoredFile> tenantFiles() {
        Permissions.requireAnyRole(currentUser, "list stored files", Role.TENANT_ADMIN);
        return db.fetch(STORED_FILE, DSL.noCondition(), STORED_FILE.CREATED_AT.desc(), STORED_FILE.NAME.asc())
                .map(StoredFileService::toFile);
    }

    @Override
    public long uploadLimit() {
        return limits.currentLimit();
    }

    private StoredFileRecord row(UUID id) {
        return db.fetchOptional(STORED_FILE, STORED_FILE.ID.eq(id)).orElseThrow(() -> new NotFoundException("File " + id));
    }

    private Optional<StoredFileRecord> byHash(String sha256) {
        return db.fetchOptional(STORED_FILE, STORED_FILE.SHA256.eq(sha256));
    }

    private static String target(StoredFileRecord row) {
        return "file " + row.getId() + " sha256=" + row.getSha256();
    }

    private static StoredFile toFile(StoredFileRecord row) {
        return new StoredFile(row.getId(), row.getName(), row.getSizeBytes(), row.getSha256(), row.getContentType(), row.getArchive(),
                row.getCreatedBy(), row.getCreatedAt());
    }
}
