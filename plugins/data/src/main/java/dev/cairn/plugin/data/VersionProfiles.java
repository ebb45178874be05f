package dev.cairn.plugin.data;

import dev.cairn.plugin.data.profile.DatasetProfile;
import java.util.Optional;
import java.util.UUID;

/**
 * The statistics of a dataset version, for the pages and services that read them (schema
 * inference, validation, drift). Checks that the caller may read data and that the version is
 * the project's.
 */
public interface VersionProfiles {

    /**
     * The version's profile; empty when the version was deleted or has no profile (yet).
     *
     * @throws dev.cairn.api.tenancy.NotFoundException for a version of another project or tenant
     */
    Optional<DatasetProfile> profile(UUID projectId, UUID versionId);
}
