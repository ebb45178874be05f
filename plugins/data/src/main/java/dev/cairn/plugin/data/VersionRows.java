package dev.cairn.plugin.data;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.ParquetProperties;
import dev.cairn.plugin.data.profile.RowSource;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A stored version's rows, read from its file as its import found it (for the engines that need
 * the rows themselves, such as label agreement; statistics come from {@link VersionProfiles}).
 */
@Component
public class VersionRows {

    private final DatasetVersions versions;
    private final FileStore files;
    private final PermissionCheck permissions;
    private final ParquetProperties parquet;

    VersionRows(DatasetVersions versions, FileStore files, PermissionCheck permissions, ParquetProperties parquet) {
        this.versions = versions;
        this.files = files;
        this.permissions = permissions;
        this.parquet = parquet;
    }

    /**
     * The version's rows; the caller closes them (which closes the file).
     *
     * @throws dev.cairn.api.tenancy.NotFoundException for a version of another project or tenant
     * @throws IllegalStateException                   for a deleted version (its bytes are gone)
     */
    public RowSource open(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (version.getFileId() == null) {
            throw new IllegalStateException("Version " + version.getVersion() + " was deleted: its rows are gone.");
        }
        InputStream content = files.open(version.getFileId());
        try {
            return VersionFiles.rowsOf(version, content, versions.columnNames(versionId), parquet);
        } catch (RuntimeException e) {
            try {
                content.close();
            } catch (java.io.IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
