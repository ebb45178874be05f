package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.Feature;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.schema.SchemaVersion;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A version's validation through the REST API (docs/api.md). GET (needs {@code data.read}): the
 * newest stored report as JSON; 404 with a message when the version was never validated. POST
 * (needs {@code data.validate}; a CI pipeline calls it after its upload): validates and stores a
 * run, against {@code schemaVersion} (default: the newest approved) in {@code environment} (default
 * TRAINING), and answers 201 with the report. 404 for another tenant's project key, a dataset name
 * or version number that is not there, and a deleted version; 409 when the version has no
 * statistics yet or the dataset no approved schema version to default to.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{key}/datasets/{name}/versions/{version}/validation", produces = "application/json")
@PermitAll // any valid API token; each method checks its declared permission
class ValidationApi {

    private final ProjectDirectory projects;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetSchemas schemas;
    private final VersionValidations validations;
    private final PermissionCheck permissions;

    ValidationApi(ProjectDirectory projects, DatasetService datasets, DatasetVersions versions, DatasetSchemas schemas,
                  VersionValidations validations, PermissionCheck permissions) {
        this.projects = projects;
        this.datasets = datasets;
        this.versions = versions;
        this.schemas = schemas;
        this.validations = validations;
        this.permissions = permissions;
    }

    record Report(String dataset, int version, int schemaVersion, String schemaStatus, String environment, String verdict, boolean passed,
                  int errors, int warnings, long rows, String validatedBy, Instant validatedAt, List<Found> anomalies) {
        static Report of(String dataset, StoredValidation run) {
            return new Report(dataset, run.versionNumber(), run.schemaVersion(), run.schemaStatus().name(), run.environment(),
                    run.verdict().name(), run.verdict() != Verdict.FAILED, run.errors(), run.warnings(), run.rows(), run.validatedBy(),
                    run.validatedAt(), run.anomalies().stream().map(Found::of).toList());
        }
    }

    /** One anomaly; {@code fix} is what the validation page's fix button says, or null where none makes sense. */
    record Found(String severity, String type, String tfdvType, String feature, String description, String fix) {
        static Found of(Anomaly a) {
            return new Found(a.severity().name(), a.type().name(), a.type().tfdv, a.feature(), a.description(),
                    a.offeredFix().map(SchemaFix::description).orElse(null));
        }
    }

    @GetMapping
    ResponseEntity<?> newest(@PathVariable String key, @PathVariable String name, @PathVariable int version) {
        permissions.require(DataPermissions.READ);
        ProjectRef project = project(key);
        DatasetRecord dataset = datasets.findByName(project.id(), name);
        DatasetVersionRecord found = live(project, dataset, version);
        return validations.newest(project.id(), found.getId()).<ResponseEntity<?>>map(run -> ResponseEntity.ok(Report.of(dataset.getName(), run)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Version " + version + " of "
                            + dataset.getName() + " was never validated: POST to this path to validate it.");
                    problem.setTitle("Not validated yet");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }

    @PostMapping
    ResponseEntity<Report> validate(@PathVariable String key, @PathVariable String name, @PathVariable int version,
                                    @RequestParam(required = false) Integer schemaVersion, @RequestParam(required = false) String environment) {
        permissions.require(DataPermissions.VALIDATE);
        ProjectRef project = project(key);
        DatasetRecord dataset = datasets.findByName(project.id(), name);
        DatasetVersionRecord found = live(project, dataset, version);
        int against = schemaVersion != null ? schemaVersion : schemas.history(project.id(), dataset.getId()).stream()
                .filter(v -> v.status() == SchemaVersion.Status.APPROVED).findFirst().map(SchemaVersion::version)
                .orElseThrow(() -> new IllegalStateException("Dataset " + dataset.getName() + " has no approved schema version to validate"
                        + " against: approve one on its schema page, or name schemaVersion."));
        String env = environment == null || environment.isBlank() ? Feature.TRAINING : environment.strip().toUpperCase(Locale.ROOT);
        StoredValidation run = validations.validate(project.id(), found.getId(), against, env);
        return ResponseEntity.status(HttpStatus.CREATED).body(Report.of(dataset.getName(), run));
    }

    private ProjectRef project(String key) {
        return projects.all().stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Project " + key));
    }

    private DatasetVersionRecord live(ProjectRef project, DatasetRecord dataset, int version) {
        return versions.history(project.id(), dataset.getId()).stream().filter(v -> v.getVersion() == version).findFirst()
                .filter(v -> v.getDeletedAt() == null)
                .orElseThrow(() -> new NotFoundException("Version " + version + " of " + dataset.getName()));
    }

    /** No statistics yet, or no approved schema to default to: the pipeline asks again, or names the schema version. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail cannotValidateYet(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Cannot validate this version yet");
        return problem;
    }
}
