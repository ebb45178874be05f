package dev.cairn.plugin.data.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Schema inference from profiles whose answers are known by hand. */
class SchemaInferenceTest {

    /** 8 rows; age misses 1 (7/8 = 0.875 -> 0.87), score misses 3 (5/8 = 0.625 -> 0.62). */
    private static final String CUSTOMERS = """
            id,age,plan,score,active,joined,note,target
            1,34,basic,1.5,true,2024-01-05,first visit,yes
            2,,pro,2.5,false,2024-02-10,called back,no
            3,41,basic,,true,2024-03-15,wants gold,yes
            4,34,pro,4.0,yes,2024-04-20,no answer,no
            5,29,basic,-1.0,no,2024-05-25,moved,yes
            6,50,basic,,true,2024-06-01,asked for a call,no
            7,18,pro,3.25,false,2024-07-07,happy,yes
            8,33,basic,NA,true,2024-08-08,left a review,no
            """;

    private static DatasetProfile profile(String csv) {
        try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ',', StandardCharsets.UTF_8)) {
            return Profiler.profile(source, ProfileOptions.defaults());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<Feature> features = SchemaInference.features(profile(CUSTOMERS));

    private Feature feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void oneFeaturePerColumnInFileOrderWithTheProfilesTypes() {
        assertThat(features).extracting(Feature::name).containsExactly("id", "age", "plan", "score", "active", "joined", "note", "target");
        assertThat(features).extracting(Feature::type).containsExactly(FeatureType.INTEGER, FeatureType.INTEGER, FeatureType.CATEGORICAL,
                FeatureType.DECIMAL, FeatureType.BOOLEAN, FeatureType.TIMESTAMP, FeatureType.TEXT, FeatureType.BOOLEAN);
    }

    @Test
    void aColumnWithNoMissingValueIsRequiredAndOthersKeepTheirShareRoundedDown() {
        assertThat(feature("id").required()).isTrue();
        assertThat(feature("id").minFractionPresent()).isEqualTo(1.0);
        assertThat(feature("age").required()).isFalse();
        assertThat(feature("age").minFractionPresent()).as("7 of 8 = 0.875, rounded down").isEqualTo(0.87);
        assertThat(feature("score").required()).isFalse();
        assertThat(feature("score").minFractionPresent()).as("5 of 8 (NA and empty are missing) = 0.625, rounded down").isEqualTo(0.62);
    }

    @Test
    void theShareIsRoundedDownExactlyNeverBelowTheObservedHundredth() {
        assertThat(SchemaInference.roundedDownShare(93, 100)).isEqualTo(0.93);
        assertThat(SchemaInference.roundedDownShare(29, 100)).as("0.29 * 100 is 28.999... in floating point").isEqualTo(0.29);
        assertThat(SchemaInference.roundedDownShare(1, 3)).isEqualTo(0.33);
        assertThat(SchemaInference.roundedDownShare(0, 10)).isZero();
        assertThat(SchemaInference.roundedDownShare(0, 0)).isZero();
    }

    @Test
    void numbersGetTheirRangeCategoriesTheirValuesAndTextOrTimestampsNoConstraint() {
        assertThat(feature("age").domain()).isEqualTo(new FeatureDomain.Range(18.0, 50.0));
        assertThat(feature("score").domain()).isEqualTo(new FeatureDomain.Range(-1.0, 4.0));
        assertThat(feature("id").domain()).isEqualTo(new FeatureDomain.Range(1.0, 8.0));
        assertThat(feature("plan").domain()).isEqualTo(new FeatureDomain.Categories(Set.of("basic", "pro")));
        assertThat(feature("active").domain()).isEqualTo(new FeatureDomain.Categories(Set.of("true", "false", "yes", "no")));
        assertThat(feature("note").domain()).isEqualTo(new FeatureDomain.Any());
        assertThat(feature("joined").domain()).isEqualTo(new FeatureDomain.Any());
    }

    @Test
    void noLabelNoEnvironmentsNoDistinctBoundsButALabelNamedColumnIsSuggested() {
        assertThat(features).noneMatch(Feature::label);
        assertThat(features).allMatch(f -> f.environments().isEmpty() && f.minDistinct() == null && f.maxDistinct() == null);
        assertThat(SchemaInference.suggestedLabel(profile(CUSTOMERS).columnNames())).contains("target");
        assertThat(SchemaInference.suggestedLabel(List.of("id", "Label "))).contains("Label ");
        assertThat(SchemaInference.suggestedLabel(List.of("id", "labels", "targeted"))).isEmpty();
    }

    /** A categorical column with exactly the limit's number of values gets them; one more, and the domain is open. */
    @Test
    void categoriesUpToTheLimitAndAnOpenDomainPastIt() {
        assertThat(categoriesOf(SchemaInference.CATEGORY_LIMIT)).hasSize(SchemaInference.CATEGORY_LIMIT);
        Feature past = SchemaInference.features(profile(repeatedCodes(SchemaInference.CATEGORY_LIMIT + 1))).getFirst();
        assertThat(past.type()).as("still categorical: each value twice").isEqualTo(FeatureType.CATEGORICAL);
        assertThat(past.domain()).isEqualTo(new FeatureDomain.Any());
    }

    private static Set<String> categoriesOf(int distinct) {
        Feature code = SchemaInference.features(profile(repeatedCodes(distinct))).getFirst();
        assertThat(code.type()).isEqualTo(FeatureType.CATEGORICAL);
        return ((FeatureDomain.Categories) code.domain()).values();
    }

    /** One column "code" with values c1..cN, each twice. */
    private static String repeatedCodes(int distinct) {
        return "code\n" + IntStream.rangeClosed(1, distinct).mapToObj(i -> "c" + i + "\nc" + i).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void aColumnWithoutAnyValueIsOptionalTextWithShareZero() {
        Feature empty = SchemaInference.features(profile("id,blank\n1,\n2,\n")).get(1);
        assertThat(empty.type()).isEqualTo(FeatureType.TEXT);
        assertThat(empty.required()).isFalse();
        assertThat(empty.minFractionPresent()).isZero();
        assertThat(empty.domain()).isEqualTo(new FeatureDomain.Any());
    }
}
