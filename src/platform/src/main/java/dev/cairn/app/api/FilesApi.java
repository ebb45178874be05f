package dev.cairn.app.api;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.files.StoreResult;
import dev.cairn.api.files.StoredFile;
import dev.cairn.api.security.PermissionCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
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
 * File upload for pipelines: the request body is the file itself (any media type, no multipart), so
 * it streams from the socket into the file store, which enforces the tenant's upload limit while it
 * reads (SECURITY.md 15) and checks archives. A declared Content-Length over the limit is refused
 * before a byte is read (413 and 400 by ApiExceptionHandler). The same bytes twice are the same file (200 and {@code alreadyStored}).
 */
@RestController
@RequestMapping(path = "/api/v1/files", produces = "application/json")
@PermitAll // any valid API token; each endpoint checks its declared permission (ApiPermissions)
@Tag(name = "Files")
class FilesApi {

    private final FileStore files;
    private final PermissionCheck permissions;

    FilesApi(FileStore files, PermissionCheck permissions) {
        this.files = files;
        this.permissions = permissions;
    }

    record FileInfo(UUID id, String name, long sizeBytes, String sha256, String contentType, boolean archive, String createdBy,
                    java.time.OffsetDateTime createdAt, boolean alreadyStored) {
        static FileInfo of(StoredFile file, boolean alreadyStored) {
            return new FileInfo(file.id(), file.name(), file.sizeBytes(), file.sha256(), file.contentType(), file.archive(),
                    file.createdBy(), file.createdAt(), alreadyStored);
        }
    }

    @PostMapping
    @Operation(summary = "Stores the request body as a file of the tenant (permission api.upload-files); "
            + "201 for new content, 200 when the tenant already held these bytes")
    ResponseEntity<FileInfo> upload(@RequestParam String name, HttpServletRequest request) throws IOException {
        permissions.require(ApiPermissions.UPLOAD_FILES);
        long declared = request.getContentLengthLong();
        StoreResult result;
        try (InputStream body = request.getInputStream()) {
            result = files.store(new NewFile(name, request.getContentType(), declared < 0 ? NewFile.UNKNOWN_LENGTH : declared), body);
        }
        return ResponseEntity.status(result.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(FileInfo.of(result.file(), result.alreadyStored()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A stored file's metadata (permission api.upload-files)")
    FileInfo metadata(@PathVariable UUID id) {
        permissions.require(ApiPermissions.UPLOAD_FILES);
        return FileInfo.of(files.metadata(id), false);
    }

    /** The client broke off the body: nothing was stored (the store is atomic). */
    @ExceptionHandler(UncheckedIOException.class)
    ProblemDetail aborted(UncheckedIOException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The upload broke off before its end; nothing was stored.");
    }
}
