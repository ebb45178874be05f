package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.VersionProfiles;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.profile.DatasetProfile;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Validates a stored dataset version against a schema version: the version's statistics come from
 * {@link VersionProfiles} (so a stored profile is read, not the file), the checks from
 * {@link Validator}. Reading data is all it needs; saving a fix as a new schema version is the
 * schema service's (members edit schema drafts).
 */
@Service
public class VersionValidation {

    private final PermissionCheck permissions;
    private final DatasetVersions versions;
    private final VersionProfiles profiles;

    VersionValidation(PermissionCheck permissions, DatasetVersions versions, VersionProfiles profiles) {
        this.permissions = permissions;
        this.versions = versions;
        this.profiles = profiles;
    }

    /**
     * @throws dev.cairn.api.tenancy.NotFoundException for a version of another project or tenant
     * @throws IllegalStateException                   when the version was deleted or has no statistics yet
     */
    public ValidationReport validate(UUID projectId, UUID versionId, DatasetSchema schema, String environment) {
        permissions.require(DataPermissions.READ);
        Objects.requireNonNull(schema, "schema");
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (version.getDeletedAt() != null) {
            throw new IllegalStateException("Version " + version.getVersion() + " was deleted on " + version.getDeletedAt().toLocalDate()
                    + ": there is no data left to validate.");
        }
        DatasetProfile profile = profiles.profile(projectId, versionId).orElseThrow(() -> new IllegalStateException("Version "
                + version.getVersion() + " has no statistics yet: profile it first, then validate it."));
        return Validator.validate(schema, environment, profile);
    }
}
