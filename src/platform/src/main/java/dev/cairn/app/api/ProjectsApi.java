package dev.cairn.app.api;

import static dev.cairn.app.db.Tables.PROJECT;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.ProjectRecord;
import dev.cairn.app.project.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects of the token's tenant. Reads go through the tenant gateway, so another tenant's key is
 * "not found" like a missing one. Every endpoint checks a declared permission first.
 */
@RestController
@RequestMapping(path = "/api/v1/projects", produces = "application/json")
@PermitAll // any valid API token; each endpoint checks its declared permission (ApiPermissions)
@Tag(name = "Projects")
class ProjectsApi {

    private final TenantDb db;
    private final ProjectService projects;
    private final PermissionCheck permissions;

    ProjectsApi(TenantDb db, ProjectService projects, PermissionCheck permissions) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
    }

    record Project(String key, String name, String description, String createdBy, OffsetDateTime createdAt) {
        static Project of(ProjectRecord record) {
            return new Project(record.getProjectKey(), record.getName(), record.getDescription(), record.getCreatedBy(),
                    record.getCreatedAt());
        }
    }

    record NewProject(String key, String name, String description) {
    }

    @GetMapping
    @Operation(summary = "The tenant's projects, by name (permission api.read-projects)")
    List<Project> list() {
        permissions.require(ApiPermissions.READ_PROJECTS);
        return projects.list().stream().map(Project::of).toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One project by its key (permission api.read-projects)")
    Project one(@PathVariable String key) {
        permissions.require(ApiPermissions.READ_PROJECTS);
        return Project.of(byKey(db, key));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a project (permission api.create-projects; project managers and tenant admins)")
    Project create(@RequestBody NewProject project) {
        permissions.require(ApiPermissions.CREATE_PROJECTS);
        ProjectRef created = projects.create(project.name(), project.key(), project.description());
        return Project.of(projects.details(created.id()));
    }

    static ProjectRecord byKey(TenantDb db, String key) {
        return db.fetchOptional(PROJECT, PROJECT.PROJECT_KEY.eq(key.toUpperCase(Locale.ROOT)))
                .orElseThrow(() -> new NotFoundException("Project " + key));
    }
}
