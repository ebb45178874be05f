package dev.cairn.plugin.data;

import static dev.cairn.app.db.Tables.STORED_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.files.NewFile;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DatasetVersions.Upload;
import dev.cairn.plugin.data.driftpage.DatasetDrift;
import dev.cairn.plugin.data.driftpage.VersionDrift;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.ingest.ImportRejectedException;
import dev.cairn.plugin.data.ingest.ImportRejectedException.Problem;
import dev.cairn.plugin.data.ingest.TestParquet;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.RowSource;
import dev.cairn.plugin.data.schema.SchemaInference;
import dev.cairn.plugin.data.statistics.ProfileState;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import dev.cairn.plugin.data.validation.ValidationReport;
import dev.cairn.plugin.data.validation.VersionValidation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Parquet version end to end on the platform with the data plugin alone (H2 and PostgreSQL, ADR
 * 0026): a file DuckDB wrote in the test is recognised by its magic bytes, stored as the uploaded
 * bytes, profiled, validated and compared for drift against a CSV version of the same data, and its
 * rows read back for label agreement and recipes; refused Parquet uploads leave nothing behind.
 */
@DataIntegrationTest
class ParquetVersionsIT {

    private static final Path SPOOL = Path.of("target/test-spool/dataplugin");

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    StoredProfiles profiles;
    @Autowired
    VersionValidation validation;
    @Autowired
    DatasetDrift drift;
    @Autowired
    VersionRows rows;

    @TempDir
    Path dir;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /** 300 rows of numbers, categories, booleans, timestamps and missing values, and a unique last row (the file store keeps bytes once). */
    private static String csv() {
        StringBuilder csv = new StringBuilder("id,amount,plan,active,joined,score\n");
        String[] plans = {"basic", "basic", "pro", "team"};
        for (int i = 1; i <= 300; i++) {
            csv.append(i).append(',').append((i * 37 % 300) / 10.0).append(',').append(plans[i % 4]).append(',').append(i % 3 == 0)
                    .append(',').append("2024-01-").append(String.format("%02d", 1 + i % 28)).append(" 08:30:00").append(',')
                    .append(i % 10 == 0 ? "" : String.valueOf(i % 7)).append('\n');
        }
        return csv.append(1000 + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1000)).append(",1.5,pro,true,2024-02-01 08:30:00,3\n")
                .toString();
    }

    private Upload upload(World world, String name, byte[] bytes) {
        return actors().as("acme-member", () -> versions.upload(world.project().id(), world.dataset(), new NewFile(name,
                "application/octet-stream", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE));
    }

    private DatasetProfile profiled(World world, Upload upload) throws InterruptedException {
        ProfileState state = ProfileAwait.ended(actors(), profiles, world.project().id(), upload.version().getId());
        assertThat(state.status()).as(String.valueOf(state)).isEqualTo(ProfileState.Status.DONE);
        return actors().as("acme-viewer", () -> profiles.profile(world.project().id(), upload.version().getId())).orElseThrow();
    }

    @Test
    void aParquetVersionIsProfiledValidatedAndComparedLikeTheCsvOfTheSameData() throws Exception {
        World world = World.withDataset(actors(), projects, datasets, "PQ", "subscribers", "");
        String text = csv();
        Path parquet = TestParquet.fromCsv(Files.writeString(dir.resolve("batch.csv"), text), dir.resolve("batch.parquet"));
        byte[] parquetBytes = Files.readAllBytes(parquet);

        Upload fromCsv = upload(world, "batch.csv", text.getBytes(StandardCharsets.UTF_8));
        // Named .bin: the magic bytes, not the name, make it Parquet.
        Upload fromParquet = upload(world, "batch.bin", parquetBytes);

        var version = fromParquet.version();
        assertThat(fromParquet.alreadyStored()).isFalse();
        assertThat(version.getFormat()).isEqualTo("PARQUET");
        assertThat(version.getRowCount()).isEqualTo(301);
        assertThat(version.getSizeBytes()).isEqualTo(parquetBytes.length);
        assertThat(version.getSha256()).as("the uploaded file is the version").isEqualTo(sha256(parquetBytes));
        assertThat(actors().as("acme-viewer", () -> versions.columns(world.project().id(), version.getId())))
                .containsExactly("id", "amount", "plan", "active", "joined", "score");

        DatasetProfile csvProfile = profiled(world, fromCsv);
        DatasetProfile parquetProfile = profiled(world, fromParquet);
        assertThat(parquetProfile.rows()).isEqualTo(csvProfile.rows());
        assertThat(parquetProfile.columns()).extracting(ColumnProfile::type)
                .containsExactlyElementsOf(csvProfile.columns().stream().map(ColumnProfile::type).toList());
        assertThat(parquetProfile.column("score").missing()).isEqualTo(csvProfile.column("score").missing()).isEqualTo(30);
        assertThat(parquetProfile.column("amount").numeric().orElseThrow().mean())
                .isEqualTo(csvProfile.column("amount").numeric().orElseThrow().mean());
        assertThat(parquetProfile.column("plan").topValues(3)).isEqualTo(csvProfile.column("plan").topValues(3));
        assertThat(parquetProfile.column("joined").timestamps()).isEqualTo(csvProfile.column("joined").timestamps());

        List<Feature> features = SchemaInference.features(csvProfile);
        DatasetSchema schema = new DatasetSchema(UUID.randomUUID(), 1, features);
        ValidationReport report = actors().as("acme-viewer", () -> validation.validate(world.project().id(), version.getId(), schema,
                Feature.TRAINING));
        assertThat(report.anomalies()).as("the CSV's own schema").isEmpty();

        VersionDrift compared = actors().as("acme-viewer", () -> drift.compare(world.project().id(), world.dataset(), 1, 2));
        // Every number and category has the same kind on both sides (else "not compared") and none moved; timestamps are never compared.
        assertThat(compared.report().features().stream().filter(FeatureDrift::compared).map(FeatureDrift::feature))
                .containsExactly("id", "amount", "plan", "active", "score");
        assertThat(compared.report().features()).noneMatch(FeatureDrift::drifted);

        Upload again = upload(world, "again.parquet", parquetBytes);
        assertThat(again.alreadyStored()).as("the same file twice is the same version").isTrue();
        assertThat(again.version().getId()).isEqualTo(version.getId());
    }

    @Test
    void aParquetVersionsRowsReadBackAsTheCsvVersionsForLabelAgreementAndRecipes() throws Exception {
        World world = World.withDataset(actors(), projects, datasets, "PQ", "labels", "");
        String text = "item,labeller_a,labeller_b\n" + "x1,cat,cat\nx2,dog,cat\nx3,dog,dog\n" + UUID.randomUUID() + ",cat,dog\n";
        Path parquet = TestParquet.fromCsv(Files.writeString(dir.resolve("labels.csv"), text), dir.resolve("labels.parquet"));
        Upload fromCsv = upload(world, "labels.csv", text.getBytes(StandardCharsets.UTF_8));
        Upload fromParquet = upload(world, "labels.parquet", Files.readAllBytes(parquet));

        assertThat(read(world, fromParquet)).isEqualTo(read(world, fromCsv));
    }

    private List<List<String>> read(World world, Upload upload) {
        return actors().as("acme-viewer", () -> {
            List<List<String>> all = new ArrayList<>();
            try (RowSource source = rows.open(world.project().id(), upload.version().getId())) {
                all.add(source.header());
                for (String[] row = source.next(); row != null; row = source.next()) {
                    all.add(Arrays.asList(row));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return all;
        });
    }

    @Test
    void refusedParquetUploadsLeaveNoVersionNoStoredFileAndNoTemporaryFile() throws Exception {
        World world = World.withDataset(actors(), projects, datasets, "PQ", "refused", "");
        byte[] whole = Files.readAllBytes(TestParquet.write(dir.resolve("ok.parquet"), "SELECT i AS id, 'n" + UUID.randomUUID()
                + "' AS name FROM range(50) t(i)"));
        byte[] nested = Files.readAllBytes(TestParquet.write(dir.resolve("nested.parquet"), "SELECT 1 AS id, [1, 2] AS tags, '"
                + UUID.randomUUID() + "' AS tag"));
        byte[] none = Files.readAllBytes(TestParquet.write(dir.resolve("none.parquet"), "SELECT 1 AS id, '" + UUID.randomUUID()
                + "' AS tag WHERE false"));
        int storedBefore = storedFiles();

        assertRefused(world, "nightly.parquet", "id,name\n1,a\n".getBytes(StandardCharsets.UTF_8), Problem.NOT_PARQUET);
        assertRefused(world, "nightly.parquet", Arrays.copyOf(whole, whole.length - 10), Problem.UNREADABLE_PARQUET);
        // Not named Parquet and cut short: it starts as Parquet, and is told so rather than given a text refusal.
        assertRefused(world, "nightly.dat", Arrays.copyOf(whole, whole.length / 2), Problem.UNREADABLE_PARQUET);
        assertRefused(world, "nightly.parquet", nested, Problem.UNSUPPORTED_TYPE);
        assertRefused(world, "nightly.parquet", none, Problem.NO_ROWS);

        assertThat(actors().as("acme-viewer", () -> versions.history(world.project().id(), world.dataset()))).isEmpty();
        assertThat(storedFiles()).isEqualTo(storedBefore);
        assertThat(spooled()).isZero();
    }

    private void assertRefused(World world, String name, byte[] bytes, Problem problem) {
        assertThatThrownBy(() -> upload(world, name, bytes)).isInstanceOfSatisfying(ImportRejectedException.class,
                e -> assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem));
    }

    private int storedFiles() {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(STORED_FILE));
    }

    private static long spooled() throws IOException {
        if (!Files.exists(SPOOL)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.count();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
