package dev.cairn.plugin.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.ingest.CsvImporter;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.ingest.ImportLimits;
import dev.cairn.plugin.data.ingest.ImportSummary;
import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import dev.cairn.plugin.data.profile.ValueCount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's synthetic data: the same bytes for a seed, accepted by the strict import, and drifted where it says. */
class SyntheticDataTest {

    private static DatasetProfile profile(String csv) throws IOException {
        try (CsvRowSource rows = new CsvRowSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ',', StandardCharsets.UTF_8)) {
            return Profiler.profile(rows, ProfileOptions.defaults().withLabelColumn(rows.header().getLast()));
        }
    }

    private static ImportSummary imported(String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return new CsvImporter(ImportLimits.DEFAULTS).check(() -> new ByteArrayInputStream(bytes), FormatOverrides.NONE, "demo.csv");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        assertThat(SyntheticData.subscribers(7, 300, 1)).isEqualTo(SyntheticData.subscribers(7, 300, 1))
                .isNotEqualTo(SyntheticData.subscribers(8, 300, 1));
        assertThat(SyntheticData.weeklyDemand(7, 300, 2)).isEqualTo(SyntheticData.weeklyDemand(7, 300, 2));
    }

    @Test
    void subscribersPassTheStrictImportAndTheSecondBatchDrifted() throws IOException {
        String first = SyntheticData.subscribers(20261002L, 2000, 1);
        String second = SyntheticData.subscribers(20261003L, 2000, 2);
        ImportSummary summary = imported(first);
        assertThat(summary.rows()).isEqualTo(2000);
        assertThat(summary.columns()).hasSize(12).startsWith("subscriber_id").endsWith("churned");
        assertThat(imported(second).rows()).isEqualTo(2000);

        DatasetProfile before = profile(first);
        DatasetProfile after = profile(second);
        assertThat(first.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).distinct().count()).as("ids are unique")
                .isEqualTo(2000);
        assertThat(before.column("tenure_months").type()).isEqualTo(FeatureType.INTEGER);
        assertThat(before.column("monthly_charge").type()).isEqualTo(FeatureType.DECIMAL);
        assertThat(before.column("churned").type()).isEqualTo(FeatureType.BOOLEAN);
        assertThat(before.column("plan").topValues(10)).extracting(ValueCount::value).containsExactlyInAnyOrder("basic", "plus", "pro");
        assertThat(after.column("plan").topValues(10)).extracting(ValueCount::value).contains("family");
        double chargeBefore = before.column("monthly_charge").numeric().orElseThrow().mean();
        double chargeAfter = after.column("monthly_charge").numeric().orElseThrow().mean();
        assertThat(chargeAfter / chargeBefore).as("prices rose, and the family plan costs most").isGreaterThan(1.15);
        assertThat(after.column("support_calls").numeric().orElseThrow().mean())
                .isGreaterThan(before.column("support_calls").numeric().orElseThrow().mean() + 0.5);
        assertThat(before.column("last_login_days").missing() / 2000.0).as("about 5% missing").isCloseTo(0.05, within(0.02));
        long churned = before.classBalance().orElseThrow().classes().stream().filter(c -> c.value().equals("true"))
                .mapToLong(ValueCount::count).sum();
        assertThat(churned / 2000.0).as("a churn rate a retention team would recognise").isBetween(0.1, 0.45);
        double northBefore = share(before, "region", "north");
        assertThat(share(after, "region", "north")).as("regions did not drift").isCloseTo(northBefore, within(0.04));
    }

    @Test
    void weeklyDemandPassesTheStrictImportAndTheSecondBatchHasANewStore() throws IOException {
        String first = SyntheticData.weeklyDemand(1, 1500, 1);
        String second = SyntheticData.weeklyDemand(2, 1500, 2);
        assertThat(imported(first).rows()).isEqualTo(1500);
        DatasetProfile before = profile(first);
        DatasetProfile after = profile(second);
        assertThat(before.column("store").topValues(20)).extracting(ValueCount::value).doesNotContain("S09");
        assertThat(after.column("store").topValues(20)).extracting(ValueCount::value).contains("S09");
        assertThat(before.column("units_sold").type()).isEqualTo(FeatureType.INTEGER);
        assertThat(before.column("units_sold").numeric().orElseThrow().min()).isGreaterThanOrEqualTo(0);
        assertThat(share(after, "promo", "true")).isGreaterThan(share(before, "promo", "true") + 0.05);
    }

    private static double share(DatasetProfile profile, String column, String value) {
        var c = profile.column(column);
        return c.topValues(50).stream().filter(v -> v.value().equals(value)).mapToLong(ValueCount::count).sum() / (double) c.count();
    }
}
