package dev.cairn.plugin.data.labels;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.VersionRows;
import dev.cairn.plugin.data.profile.RowSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Label agreement over a stored version's label columns, and its disagreeing rows as CSV for
 * relabelling. Reads the version's file once per call (the figures need the rows themselves, not
 * the profile); reading data is all it needs.
 */
@Service
public class LabelAgreements {

    private final PermissionCheck permissions;
    private final VersionRows versions;

    LabelAgreements(PermissionCheck permissions, VersionRows versions) {
        this.permissions = permissions;
        this.versions = versions;
    }

    /**
     * @throws dev.cairn.api.tenancy.NotFoundException for a version of another project or tenant
     * @throws IllegalArgumentException                naming a chosen column the version lacks
     * @throws IllegalStateException                   for a deleted version
     */
    public AgreementReport agreement(UUID projectId, UUID versionId, LabelColumns columns) {
        permissions.require(DataPermissions.READ);
        try (RowSource rows = versions.open(projectId, versionId)) {
            return LabelReader.agreement(rows, columns, LabelAgreement.DEFAULT_LISTED_DISAGREEMENTS);
        } catch (IOException e) {
            throw new UncheckedIOException("The version could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every disagreeing row (however many) to {@code out} as {@link DisagreementCsv}, streamed
     * as the version is read; the caller closes {@code out}.
     *
     * @return the rows written after the header
     */
    public long exportDisagreements(UUID projectId, UUID versionId, LabelColumns columns, OutputStream out) {
        permissions.require(DataPermissions.READ);
        try (RowSource rows = versions.open(projectId, versionId)) {
            DisagreementCsv csv = new DisagreementCsv(new NonClosing(out), columns);
            LabelReader.disagreements(rows, columns, csv::write);
            csv.close();
            return csv.rows();
        } catch (IOException e) {
            throw new UncheckedIOException("The version could not be read: " + e.getMessage(), e);
        }
    }

    /** The caller's stream stays open when the CSV writer is closed (flushed). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
