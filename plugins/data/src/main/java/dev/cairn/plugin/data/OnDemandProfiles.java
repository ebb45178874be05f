package dev.cairn.plugin.data;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Profiles a version by reading its file each time it is asked: the stand-in until profiles are
 * computed by a job and stored with the version.
 */
@Component
class OnDemandProfiles implements VersionProfiles {

    private final DatasetVersions versions;
    private final FileStore files;
    private final PermissionCheck permissions;

    OnDemandProfiles(DatasetVersions versions, FileStore files, PermissionCheck permissions) {
        this.versions = versions;
        this.files = files;
        this.permissions = permissions;
    }

    @Override
    public Optional<DatasetProfile> profile(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (version.getFileId() == null) {
            return Optional.empty();
        }
        try (InputStream content = files.open(version.getFileId());
             CsvRowSource rows = rowsOf(version, content, versions.columnNames(versionId))) {
            return Optional.of(Profiler.profile(rows, ProfileOptions.defaults()));
        } catch (IOException e) {
            throw new UncheckedIOException("Version " + version.getVersion() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The version's file read as its import found it: delimiter, quote, encoding, byte-order mark, header. */
    static CsvRowSource rowsOf(DatasetVersionRecord version, InputStream content, List<String> columns) {
        String encoding = version.getEncoding();
        boolean bom = encoding.endsWith(" (BOM)");
        Charset charset = Charset.forName(bom ? encoding.substring(0, encoding.length() - " (BOM)".length()) : encoding);
        int bomBytes = !bom ? 0 : charset.name().equals("UTF-8") ? 3 : 2;
        return new CsvRowSource(content, version.getDelimiter().charAt(0), version.getQuoteChar().charAt(0), charset, bomBytes,
                version.getHasHeader() ? null : columns);
    }
}
