package dev.cairn.plugin.scoping.document;

import dev.cairn.api.tenancy.TenantDb;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;
import org.springframework.dao.DuplicateKeyException;

/**
 * A part of the scoping document stored as one row per project with a version column: the problem
 * statement, the canvas, the feasibility and value answers. Saves are optimistic: a save based on
 * an old version fails with {@link ConcurrentEditException} and changes nothing.
 */
public record VersionedPart<R extends UpdatableRecord<R>>(String key, String title, Table<R> table, TableField<R, UUID> id,
        TableField<R, UUID> project, TableField<R, Integer> version, TableField<R, String> updatedBy,
        TableField<R, OffsetDateTime> updatedAt) {

    public Optional<R> find(TenantDb db, UUID projectId) {
        return db.fetchOptional(table, project.eq(projectId));
    }

    /**
     * Saves the part. {@code basedOnVersion} is the version the user started from (null when they
     * started from nothing). Returns the new version.
     */
    public int save(TenantDb db, UUID projectId, Integer basedOnVersion, String username, Consumer<R> fill) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<R> existing = find(db, projectId);
        if (existing.isEmpty()) {
            if (basedOnVersion != null) {
                throw new IllegalStateException("The " + title + " was removed meanwhile; reload the page.");
            }
            R record = db.newRecord(table);
            record.set(id, UUID.randomUUID());
            record.set(project, projectId);
            fill.accept(record);
            stamp(record, username, now);
            record.set(version, 1);
            try {
                db.insert(record);
            } catch (DuplicateKeyException firstSaveAtTheSameMoment) {
                // Someone saved the first version a moment earlier. The transaction cannot be used
                // any more (PostgreSQL aborts it), so say so without reading who it was.
                throw new ConcurrentEditException(title, "Someone else", now);
            }
            return 1;
        }
        R record = existing.get();
        int expected = basedOnVersion == null ? -1 : basedOnVersion;
        if (record.get(version) != expected) {
            throw new ConcurrentEditException(title, record.get(updatedBy), record.get(updatedAt));
        }
        fill.accept(record);
        stamp(record, username, now);
        if (!db.updateVersioned(record, version, expected)) {
            R latest = find(db, projectId).orElseThrow();
            throw new ConcurrentEditException(title, latest.get(updatedBy), latest.get(updatedAt));
        }
        return expected + 1;
    }

    private void stamp(R record, String username, OffsetDateTime now) {
        record.set(updatedBy, username);
        record.set(updatedAt, now);
    }
}
