package dev.cairn.api.files;

import java.util.List;
import java.util.UUID;

/**
 * What of a plugin still uses a stored file, so that a tenant admin deleting it (a privacy
 * request) sees what it takes with it. A plugin that keeps file ids implements it as a bean, and
 * listens to {@link StoredFileDeleted} to mark its records as deleted; the deletion is never
 * refused because something uses the file.
 */
public interface FileUsage {

    /**
     * The plugin's records that use the file, as a user names them ("dataset subscribers version 3
     * in project FRAUD"); empty when none. Answers for the tenant in scope.
     */
    List<String> usesOf(UUID fileId);
}
