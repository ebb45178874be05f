package dev.cairn.plugin.data.statistics;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.profile.DatasetProfile;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A version's stored statistics through the REST API (docs/api.md), needing {@code data.read}:
 * 200 with the profile as JSON; 409 with the status (and progress, or the failure) while there is no
 * profile to return yet; 404 for another tenant's project, an unknown dataset or version number, and
 * a deleted version (its statistics went with it).
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{key}/datasets/{name}/versions/{version}/statistics", produces = "application/json")
@PermitAll // any valid API token; the endpoint checks its declared permission
class StatisticsApi {

    private final ProjectDirectory projects;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final StoredProfiles profiles;
    private final PermissionCheck permissions;

    StatisticsApi(ProjectDirectory projects, DatasetService datasets, DatasetVersions versions, StoredProfiles profiles,
                  PermissionCheck permissions) {
        this.projects = projects;
        this.datasets = datasets;
        this.versions = versions;
        this.profiles = profiles;
        this.permissions = permissions;
    }

    @GetMapping
    ResponseEntity<?> statistics(@PathVariable String key, @PathVariable String name, @PathVariable int version) {
        permissions.require(DataPermissions.READ);
        ProjectRef project = projects.all().stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Project " + key));
        DatasetRecord dataset = datasets.findByName(project.id(), name);
        DatasetVersionRecord found = versions.history(project.id(), dataset.getId()).stream().filter(v -> v.getVersion() == version)
                .findFirst().filter(v -> v.getDeletedAt() == null).orElseThrow(() -> new NotFoundException("Version " + version + " of " + name));
        Optional<ProfileState> state = profiles.state(project.id(), found.getId());
        Optional<DatasetProfile> profile = state.filter(ProfileState::hasProfile).flatMap(s -> profiles.profile(project.id(), found.getId()));
        if (profile.isPresent()) {
            return ResponseEntity.ok(StatisticsJson.of(version, state.get(), profile.get()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(notYet(version, state));
    }

    /** No profile to return: why, and when to ask again. */
    private static ProblemDetail notYet(int version, Optional<ProfileState> state) {
        String detail = state.map(s -> switch (s.status()) {
            case QUEUED -> "Version " + version + " is queued for profiling; ask again in a moment.";
            case RUNNING -> "Version " + version + " is being profiled (" + Math.round(100 * s.progress()) + "%); ask again in a moment.";
            case FAILED -> "Profiling version " + version + " failed: " + s.error() + " Re-profile it on its statistics page.";
            case DONE -> "Version " + version + " has no stored statistics.";
        }).orElse("Version " + version + " was uploaded before statistics were computed: profile it on its statistics page.");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("No statistics yet");
        problem.setProperty("status", state.map(s -> s.status().name()).orElse("NOT_PROFILED"));
        state.ifPresent(s -> problem.setProperty("progress", s.progress()));
        return problem;
    }
}
