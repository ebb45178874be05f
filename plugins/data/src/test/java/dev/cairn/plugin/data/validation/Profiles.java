package dev.cairn.plugin.data.validation;

import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Profiles of small CSV texts, as the profiler computes them for a version. */
final class Profiles {

    private Profiles() {
    }

    static DatasetProfile of(String csv) {
        return of(csv, ProfileOptions.defaults());
    }

    static DatasetProfile of(String csv, ProfileOptions options) {
        try (CsvRowSource rows = new CsvRowSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ',',
                StandardCharsets.UTF_8)) {
            return Profiler.profile(rows, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-column CSV with the given values, one per line. */
    static DatasetProfile column(String name, String... values) {
        return of(name + "\n" + String.join("\n", values) + "\n");
    }
}
