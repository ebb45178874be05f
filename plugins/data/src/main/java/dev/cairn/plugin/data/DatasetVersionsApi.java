package dev.cairn.plugin.data;

import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.ingest.ImportRejectedException;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dataset versions through the REST API (docs/api.md): a pipeline pushes each night's batch with one
 * {@code curl --data-binary}. The body is the file itself (text/csv, application/vnd.apache.parquet or any non-JSON type), streamed
 * into the same upload as the browser's: counted against the tenant's limit (413), checked strictly
 * (400 naming line and column, with the offending lines), the same bytes twice the same version
 * (200), a new one 201. Another tenant's project key or dataset name is "not found" (404).
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{key}/datasets/{name}/versions", produces = "application/json")
@PermitAll // any valid API token; each endpoint checks its declared permission
class DatasetVersionsApi {

    private final ProjectDirectory projects;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final PermissionCheck permissions;

    DatasetVersionsApi(ProjectDirectory projects, DatasetService datasets, DatasetVersions versions, PermissionCheck permissions) {
        this.projects = projects;
        this.datasets = datasets;
        this.versions = versions;
        this.permissions = permissions;
    }

    record Version(UUID id, int version, String fileName, String sha256, Long sizeBytes, long rows, int columns, String format,
                   String delimiter, String quote, boolean header, String encoding, String source, String collectionMethod,
                   String licence, String notes, String createdBy, OffsetDateTime createdAt, boolean deleted, String deletedBy,
                   OffsetDateTime deletedAt, String deletionReason, boolean alreadyStored) {
        static Version of(DatasetVersionRecord v, boolean alreadyStored) {
            return new Version(v.getId(), v.getVersion(), v.getFileName(), v.getSha256(), v.getSizeBytes(), v.getRowCount(), v.getColumnCount(),
                    v.getFormat(), v.getDelimiter(), v.getQuoteChar(), v.getHasHeader(), v.getEncoding(), v.getSource(),
                    v.getCollectionMethod(), v.getLicence(), v.getNotes(), v.getCreatedBy(), v.getCreatedAt(), v.getDeletedAt() != null,
                    v.getDeletedBy(), v.getDeletedAt(), v.getDeletionReason(), alreadyStored);
        }
    }

    @PostMapping
    ResponseEntity<Version> upload(@PathVariable String key, @PathVariable String name, InputStream body,
                                   @RequestParam(required = false) String file,
                                   @RequestParam(required = false) String delimiter, @RequestParam(required = false) String quote,
                                   @RequestParam(required = false) String header, @RequestParam(required = false) String encoding,
                                   @RequestParam(required = false) String fallbackEncoding,
                                   @RequestParam(required = false) String source, @RequestParam(required = false) String collectionMethod,
                                   @RequestParam(required = false) String licence, @RequestParam(required = false) String notes,
                                   @RequestHeader(value = "Content-Type", required = false) String contentType,
                                   @RequestHeader(value = "Content-Length", required = false) Long contentLength) {
        permissions.require(DataPermissions.UPLOAD);
        ProjectRef project = project(key);
        // A token scoped to data.upload alone (a nightly pipeline) uploads without reading the list.
        DatasetRecord dataset = datasets.requireByName(project.id(), name);
        FormatOverrides overrides = FormatOverrides.parse(delimiter, quote, header, encoding, fallbackEncoding);
        Provenance provenance = new Provenance(source, collectionMethod, licence, notes);
        String fileName = file == null || file.isBlank() ? dataset.getName() + (PARQUET_TYPE.equalsIgnoreCase(mediaType(contentType)) ? ".parquet" : ".csv")
                : file;
        DatasetVersions.Upload upload = versions.upload(project.id(), dataset.getId(),
                new NewFile(fileName, contentType, contentLength == null ? NewFile.UNKNOWN_LENGTH : contentLength), body, overrides, provenance);
        return ResponseEntity.status(upload.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Version.of(upload.version(), upload.alreadyStored()));
    }

    /** The media type Apache registered for Parquet; a body of any type is still Parquet by its magic bytes. */
    static final String PARQUET_TYPE = "application/vnd.apache.parquet";

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip();
    }

    @GetMapping
    List<Version> history(@PathVariable String key, @PathVariable String name) {
        permissions.require(DataPermissions.READ);
        ProjectRef project = project(key);
        DatasetRecord dataset = datasets.findByName(project.id(), name);
        return versions.history(project.id(), dataset.getId()).stream().map(v -> Version.of(v, false)).toList();
    }

    /** The refusal as a problem detail that names the line, the column (or byte) and quotes the offending lines. */
    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("The file was refused; nothing was stored");
        problem.setProperty("problem", e.problem().name());
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        problem.setProperty("byteOffset", e.byteOffset());
        problem.setProperty("samples", e.samples());
        return problem;
    }

    /** The client broke off the body: nothing was stored. */
    @ExceptionHandler(UncheckedIOException.class)
    ProblemDetail aborted(UncheckedIOException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The upload broke off before its end; nothing was stored.");
    }

    private ProjectRef project(String key) {
        return projects.all().stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Project " + key));
    }
}
