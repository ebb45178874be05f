package dev.cairn.app.files;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The Files platform service (admin guide, "Files").
 *
 * @param root                where the filesystem blob store keeps files, one folder per tenant
 * @param maxUploadSize       the platform default upload limit, for tenants that set none
 * @param tenantLimitCeiling  the largest limit a tenant admin may set for their tenant
 * @param archive             what an archive may hold before it is accepted
 * @param abandonedAfter      a staging file older than this is left over from a crashed upload and
 *                            is deleted at start-up (younger ones may belong to another node's upload)
 */
@ConfigurationProperties("cairn.files")
public record FilesProperties(Path root, DataSize maxUploadSize, DataSize tenantLimitCeiling, Archive archive, Duration abandonedAfter) {

    public FilesProperties {
        root = root == null ? Path.of("data", "files") : root;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(100) : maxUploadSize;
        tenantLimitCeiling = tenantLimitCeiling == null ? DataSize.ofGigabytes(2) : tenantLimitCeiling;
        archive = archive == null ? new Archive(null, null) : archive;
        abandonedAfter = abandonedAfter == null ? Duration.ofHours(6) : abandonedAfter;
        if (maxUploadSize.toBytes() < 1) {
            throw new IllegalArgumentException("cairn.files.max-upload-size must be positive, was " + maxUploadSize);
        }
        if (tenantLimitCeiling.compareTo(maxUploadSize) < 0) {
            throw new IllegalArgumentException("cairn.files.tenant-limit-ceiling (" + tenantLimitCeiling
                    + ") must be at least cairn.files.max-upload-size (" + maxUploadSize + ")");
        }
        if (abandonedAfter.isNegative() || abandonedAfter.isZero()) {
            throw new IllegalArgumentException("cairn.files.abandoned-after must be positive");
        }
    }

    /**
     * @param maxEntries   entries an archive may hold (directories included)
     * @param maxTotalSize bytes its entries may inflate to, counted as they are actually inflated
     */
    public record Archive(Integer maxEntries, DataSize maxTotalSize) {

        public Archive {
            maxEntries = maxEntries == null ? 10_000 : maxEntries;
            maxTotalSize = maxTotalSize == null ? DataSize.ofGigabytes(4) : maxTotalSize;
            if (maxEntries < 1 || maxTotalSize.toBytes() < 1) {
                throw new IllegalArgumentException("cairn.files.archive.max-entries and max-total-size must be positive");
            }
        }
    }
}
