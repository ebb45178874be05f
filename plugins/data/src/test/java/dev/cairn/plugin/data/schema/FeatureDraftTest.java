package dev.cairn.plugin.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks of an edited feature: each refusal starts with the form field's name and names the feature. */
class FeatureDraftTest {

    private static FeatureDraft range(Double min, Double max) {
        return new FeatureDraft("age", FeatureType.INTEGER, false, 0.9, DomainKind.RANGE, min, max, List.of(), false, Set.of(), null, null);
    }

    private static FeatureDraft categories(List<String> values) {
        return new FeatureDraft("plan", FeatureType.CATEGORICAL, true, null, DomainKind.CATEGORIES, null, null, values, false, Set.of(), null, null);
    }

    @Test
    void aSoundDraftBecomesItsFeatureAndAFeatureRoundTrips() {
        Feature feature = range(0.0, 120.0).toFeature();
        assertThat(feature).isEqualTo(new Feature("age", FeatureType.INTEGER, false, new FeatureDomain.Range(0.0, 120.0), false, Set.of(), 0.9,
                null, null));
        assertThat(FeatureDraft.of(feature).toFeature()).isEqualTo(feature);
        Feature plan = categories(List.of("pro", "basic")).toFeature();
        assertThat(plan.minFractionPresent()).isEqualTo(1.0);
        assertThat(FeatureDraft.of(plan).categories()).as("alphabetical").containsExactly("basic", "pro");
    }

    @Test
    void aRangeWhoseMinExceedsItsMaxIsRefusedOnMin() {
        assertThat(range(5.0, 3.0).problems()).containsExactly("Min of age must not exceed Max: 5 > 3.");
        assertThatThrownBy(() -> range(5.0, 3.0).toFeature()).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Min of age");
        assertThat(range(null, 3.0).problems()).as("an open bound").isEmpty();
        assertThat(range(null, null).problems()).singleElement().asString().startsWith("Min of age or Max is required");
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedOnTheShareUnlessRequired() {
        FeatureDraft over = new FeatureDraft("age", FeatureType.INTEGER, false, 1.5, DomainKind.ANY, null, null, List.of(), false, Set.of(), null, null);
        assertThat(over.problems()).containsExactly("Least share present of age must lie between 0 and 1, was 1.5.");
        FeatureDraft under = new FeatureDraft("age", FeatureType.INTEGER, false, -0.1, DomainKind.ANY, null, null, List.of(), false, Set.of(), null, null);
        assertThat(under.problems()).containsExactly("Least share present of age must lie between 0 and 1, was -0.1.");
        FeatureDraft required = new FeatureDraft("age", FeatureType.INTEGER, true, 1.5, DomainKind.ANY, null, null, List.of(), false, Set.of(), null, null);
        assertThat(required.problems()).as("a required feature's share is 1, whatever was typed").isEmpty();
    }

    @Test
    void aCategoryListedTwiceOrEmptyOrAnEmptyListIsRefusedOnCategories() {
        assertThat(categories(List.of("basic", "pro", "basic")).problems()).containsExactly("Categories of plan: 'basic' is listed twice.");
        assertThat(categories(List.of("basic", "")).problems()).singleElement().asString().startsWith("Categories of plan: a category must not be empty");
        assertThat(categories(List.of()).problems()).singleElement().asString().startsWith("Categories of plan: list at least one category");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        FeatureDraft bad = new FeatureDraft("age", FeatureType.TEXT, false, 2.0, DomainKind.RANGE, 9.0, 1.0, List.of(), false, Set.of("EDGE"), 5, 2);
        assertThat(bad.problems()).containsExactly("Least share present of age must lie between 0 and 1, was 2.",
                "Min of age must not exceed Max: 9 > 1.", "Type of age is TEXT: a range needs INTEGER or DECIMAL.",
                "Least distinct values of age must not exceed the most: 5 > 2.",
                "Environments of age: unknown environment 'EDGE' (TRAINING or SERVING).");
    }
}
