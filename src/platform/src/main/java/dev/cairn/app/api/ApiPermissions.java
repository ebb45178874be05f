package dev.cairn.app.api;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import dev.cairn.app.plugins.PlatformPermissionSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the REST API's endpoints check, declared like a plugin's permissions so that a token can be
 * scoped to some of them. Everyone in a tenant may read its projects, jobs and lineage in the UI,
 * and so through the API.
 */
@Component
public class ApiPermissions implements PlatformPermissionSource {

    public static final PermissionDefinition READ_PROJECTS = new PermissionDefinition("api.read-projects",
            "read projects through the API", Audience.EVERYONE);
    public static final PermissionDefinition READ_JOBS = new PermissionDefinition("api.read-jobs",
            "read jobs through the API", Audience.EVERYONE);
    public static final PermissionDefinition READ_LINEAGE = new PermissionDefinition("api.read-lineage",
            "read lineage through the API", Audience.EVERYONE);
    public static final PermissionDefinition CREATE_PROJECTS = new PermissionDefinition("api.create-projects",
            "create projects through the API", Audience.MANAGERS);

    public static final PermissionDefinition UPLOAD_FILES = new PermissionDefinition("api.upload-files",
            "upload files through the API", Audience.CONTRIBUTORS);

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(READ_PROJECTS, READ_JOBS, READ_LINEAGE, CREATE_PROJECTS, UPLOAD_FILES);
    }
}
