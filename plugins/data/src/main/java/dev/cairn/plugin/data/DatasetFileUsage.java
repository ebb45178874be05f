package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.DATASET;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;

import dev.cairn.api.files.FileUsage;
import dev.cairn.api.files.StoredFileDeleted;
import dev.cairn.api.tenancy.TenantDb;
import java.util.List;
import java.util.UUID;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the tenant admin's file list which dataset versions hold a stored file, and marks them
 * deleted when the admin deletes it (a privacy request made outside the data stage).
 */
@Component
class DatasetFileUsage implements FileUsage {

    private final TenantDb db;
    private final DatasetVersions versions;

    DatasetFileUsage(TenantDb db, DatasetVersions versions) {
        this.db = db;
        this.versions = versions;
    }

    @Override
    public List<String> usesOf(UUID fileId) {
        return db.fetch(DATASET_VERSION, DATASET_VERSION.FILE_ID.eq(fileId).and(DATASET_VERSION.DELETED_AT.isNull()), DATASET_VERSION.VERSION.asc())
                .stream()
                .map(v -> "dataset " + db.fetchOptional(DATASET, DATASET.ID.eq(v.getDatasetId())).map(d -> d.getName()).orElse("?")
                        + " version " + v.getVersion())
                .sorted().toList();
    }

    @Async
    @TransactionalEventListener
    void on(StoredFileDeleted deleted) {
        versions.markFileDeleted(deleted.fileId(), deleted.deletedBy(), deleted.reason());
    }
}
