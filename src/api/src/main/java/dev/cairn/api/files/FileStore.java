package dev.cairn.api.files;

import java.io.InputStream;
import java.util.UUID;

/**
 * Tenant-scoped, content-addressed file storage: the platform service plugins store uploads with.
 *
 * <p>Every call acts for the tenant in scope and fails closed without one. Content is streamed end
 * to end (never held in memory as a whole), its SHA-256 computed while it streams; the same bytes are
 * stored once per tenant, so a second store of them returns the first file and says so. A store is
 * atomic: refused, failed or aborted, it leaves no row and no file behind.
 *
 * <p>The caller checks its own permission first (e.g. {@code permissions.require(UPLOAD)}); the
 * store checks the tenant's upload limit while reading and archives before accepting them.
 */
public interface FileStore {

    /**
     * Reads {@code content} to its end (the caller closes it) and stores it.
     *
     * @throws FileTooLargeException    when the declared length or the bytes read pass the upload
     *                                  limit; reading stops there
     * @throws ArchiveRejectedException when the content is an archive that breaks a rule
     * @throws IllegalArgumentException when the name is unusable
     * @throws java.io.UncheckedIOException when reading the content failed (e.g. an aborted upload)
     */
    StoreResult store(NewFile file, InputStream content);

    /** The stored file's metadata; {@link dev.cairn.api.tenancy.NotFoundException} for an id of no file of this tenant. */
    StoredFile metadata(UUID id);

    /** The stored file's content, to be closed by the caller; not found as in {@link #metadata}. */
    InputStream open(UUID id);

    /**
     * Deletes the file's row and content for good (a privacy request), audited with the reason.
     * Only a tenant admin may; a file that is not the tenant's is not found.
     */
    void delete(UUID id, String reason);

    /**
     * Deletes the file as {@link #delete(UUID, String)} does, for a plugin whose own declared
     * permission allows it (a manager deleting a dataset version on a privacy request): the store
     * requires that permission of the caller instead of the tenant admin role, and the audit entry
     * names it. The plugin deletes only files it stored and no other version of its data still uses.
     */
    void delete(UUID id, String reason, dev.cairn.api.plugin.PermissionDefinition allowedBy);

    /** The upload limit of the tenant in scope, in bytes: tell the user before they pick a file. */
    long uploadLimit();
}
