package dev.cairn.api.project;

import dev.cairn.api.tenancy.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects of the current tenant, for plugins. */
public interface ProjectDirectory {

    Optional<ProjectRef> find(UUID projectId);

    /** Every project of the current tenant, by name. */
    List<ProjectRef> all();

    /** The project, or {@link NotFoundException} when it is not the current tenant's. */
    default ProjectRef require(UUID projectId) {
        return find(projectId).orElseThrow(() -> new NotFoundException("Project"));
    }

    /** Parses an id taken from a URL; a malformed id is simply "not found". */
    default ProjectRef require(String projectId) {
        try {
            return require(UUID.fromString(projectId));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new NotFoundException("Project");
        }
    }
}
