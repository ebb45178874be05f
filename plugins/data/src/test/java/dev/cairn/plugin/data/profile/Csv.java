package dev.cairn.plugin.data.profile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helper: profiles CSV text held in a string. */
final class Csv {

    private Csv() {
    }

    static DatasetProfile profile(String csv) {
        return profile(csv, ProfileOptions.defaults());
    }

    static DatasetProfile profile(String csv, ProfileOptions options) {
        try (CsvRowSource source = source(csv)) {
            return Profiler.profile(source, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvRowSource source(String csv) {
        return new CsvRowSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ',',
                StandardCharsets.UTF_8);
    }

    /** Profiles rows given as arrays (no CSV in between). */
    static DatasetProfile profile(List<String> header, List<String[]> rows, ProfileOptions options) {
        try (ProfileBuilder builder = new ProfileBuilder(header, options)) {
            rows.forEach(builder::add);
            return builder.build();
        }
    }
}
