package dev.cairn.app.files;

import static dev.cairn.app.db.Tables.FILE_SETTINGS;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.files.FileSizes;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.FileSettingsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upload limit of the tenant in scope: its tenant admin's own value where one is set (at most
 * the platform's ceiling), else the platform default.
 */
@Service
public class FileLimits {

    /** Below this a limit is a typo rather than a policy. */
    static final long SMALLEST_LIMIT = 1024;

    private final TenantDb db;
    private final FilesProperties properties;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    FileLimits(TenantDb db, FilesProperties properties, CurrentUser currentUser, AuditLog audit) {
        this.db = db;
        this.properties = properties;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    public long currentLimit() {
        return tenantLimit().orElse(platformDefault());
    }

    /** The tenant's own limit, if its admin set one. */
    public Optional<Long> tenantLimit() {
        return db.fetchOptional(FILE_SETTINGS, DSL.noCondition()).map(FileSettingsRecord::getMaxUploadBytes);
    }

    public long platformDefault() {
        return properties.maxUploadSize().toBytes();
    }

    public long ceiling() {
        return properties.tenantLimitCeiling().toBytes();
    }

    /** Sets the tenant's own limit; null returns the tenant to the platform default. */
    @Transactional
    public void setTenantLimit(Long bytes) {
        UserInfo admin = Permissions.requireAnyRole(currentUser, "change the upload limit", Role.TENANT_ADMIN);
        if (bytes == null) {
            db.delete(FILE_SETTINGS, DSL.noCondition());
            audit.record("files.limit", "upload limit", Outcome.SUCCESS, "platform default " + FileSizes.format(platformDefault()));
            return;
        }
        if (bytes < SMALLEST_LIMIT || bytes > ceiling()) {
            throw new IllegalArgumentException("The upload limit must lie between " + FileSizes.format(SMALLEST_LIMIT)
                    + " and " + FileSizes.format(ceiling()) + " (the platform's ceiling).");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = db.update(FILE_SETTINGS, Map.of(FILE_SETTINGS.MAX_UPLOAD_BYTES, bytes, FILE_SETTINGS.UPDATED_BY, admin.username(),
                FILE_SETTINGS.UPDATED_AT, now), DSL.noCondition());
        if (updated == 0) {
            FileSettingsRecord settings = db.newRecord(FILE_SETTINGS);
            settings.setMaxUploadBytes(bytes);
            settings.setUpdatedBy(admin.username());
            settings.setUpdatedAt(now);
            db.insert(settings);
        }
        audit.record("files.limit", "upload limit", Outcome.SUCCESS, FileSizes.format(bytes));
    }
}
