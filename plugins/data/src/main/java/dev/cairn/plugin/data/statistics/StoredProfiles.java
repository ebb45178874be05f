package dev.cairn.plugin.data.statistics;

import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.VersionProfiles;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.VersionProfileRecord;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileCodec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics stored with each version by the profiling job: read without touching the file
 * (opening a profile is instant), the state of the newest run, and re-profiling. Reading needs
 * {@code data.read}; re-profiling is part of uploading and needs {@code data.upload}.
 */
@Service
public class StoredProfiles implements VersionProfiles {

    private final TenantDb db;
    private final DatasetVersions versions;
    private final PermissionCheck permissions;
    private final ProfileQueue queue;

    StoredProfiles(TenantDb db, DatasetVersions versions, PermissionCheck permissions, ProfileQueue queue) {
        this.db = db;
        this.versions = versions;
        this.permissions = permissions;
        this.queue = queue;
    }

    /** The newest computed profile; empty until the first run is done, and for a deleted version. */
    @Override
    public Optional<DatasetProfile> profile(UUID projectId, UUID versionId) {
        return stored(projectId, versionId).filter(s -> s.getProfile() != null).map(s -> ProfileCodec.fromBytes(s.getProfile()));
    }

    /**
     * Where the version's statistics stand; empty for a version never queued (uploaded before
     * statistics were stored) and for a deleted one.
     *
     * @throws NotFoundException for a version of another project or tenant
     */
    public Optional<ProfileState> state(UUID projectId, UUID versionId) {
        return stored(projectId, versionId).map(StoredProfiles::state);
    }

    /**
     * Profiles the version again, with the label column given (its class balance is reported) or
     * none; the new profile replaces the stored one once it is done.
     *
     * @param labelColumn one of the version's columns, or null or blank for none
     * @throws IllegalArgumentException naming the label column when the version has no such column
     */
    @Transactional
    public void reprofile(UUID projectId, UUID versionId, String labelColumn) {
        var user = permissions.require(DataPermissions.UPLOAD);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (version.getDeletedAt() != null) {
            throw new NotFoundException("Dataset version");
        }
        String label = labelColumn == null || labelColumn.isBlank() ? null : labelColumn;
        List<String> columns = versions.columns(projectId, versionId);
        if (label != null && !columns.contains(label)) {
            throw new IllegalArgumentException("Label column: version " + version.getVersion() + " has no column '" + label + "' (it has "
                    + String.join(", ", columns) + ").");
        }
        queue.queue(version, label, user.username());
    }

    private Optional<VersionProfileRecord> stored(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        versions.version(projectId, versionId); // another project's or tenant's id is not found
        return db.fetchOptional(VERSION_PROFILE, VERSION_PROFILE.PROJECT_ID.eq(projectId).and(VERSION_PROFILE.VERSION_ID.eq(versionId)));
    }

    private static ProfileState state(VersionProfileRecord s) {
        return new ProfileState(ProfileState.Status.valueOf(s.getStatus()), s.getProgress(), s.getLabelColumn(), s.getErrorMessage(),
                s.getRequestedBy(), s.getRequestedAt(), s.getProfile() != null, s.getProfileLabel(), s.getComputedBy(), s.getComputedAt(),
                s.getJobId());
    }
}
