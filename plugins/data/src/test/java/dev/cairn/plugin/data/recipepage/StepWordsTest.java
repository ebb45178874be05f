package dev.cairn.plugin.data.recipepage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TransformStep;
import dev.cairn.api.data.transform.RecipeLists;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each fitted step in the words the recipes page shows, its fitted numbers rounded to six significant digits. */
class StepWordsTest {

    private static String words(String operation, List<String> inputs, Map<String, String> parameters) {
        return StepWords.describe(new TransformStep(operation, inputs, parameters));
    }

    @Test
    void eachOperationSaysWhatItLearnt() {
        assertThat(words("impute", List.of("income"), Map.of("strategy", "mean", "value", "30.0"))).isEqualTo("Fill missing income with 30 (the mean)");
        assertThat(words("impute", List.of("plan"), Map.of("strategy", "most-frequent", "value", "basic")))
                .isEqualTo("Fill missing plan with \"basic\" (the most frequent value)");
        assertThat(words("standardize", List.of("income"), Map.of("mean", "30.0", "std", "14.142135623730951")))
                .isEqualTo("Standardise income: subtract the mean 30, divide by the standard deviation 14.1421");
        assertThat(words("min-max", List.of("age"), Map.of("min", "18.0", "max", "90.0"))).isEqualTo("Scale age to 0–1 from its range [18, 90]");
        assertThat(words("clip", List.of("a", "b"), Map.of("min", "0.0", "max", "1.5"))).isEqualTo("Clip a and b to [0, 1.5]");
        assertThat(words("clip", List.of("a"), Map.of("max", "99.0"))).isEqualTo("Clip a to at most 99");
        assertThat(words("log", List.of("price"), Map.of())).isEqualTo("Replace price by ln(price + 1)");
        assertThat(words("bucketize", List.of("age"), Map.of("bounds", RecipeLists.encode(List.of("25.0", "40.0", "60.0")))))
                .isEqualTo("Bucketize age at 25, 40, 60: bucket 0 below 25, bucket 3 from 60 up");
        assertThat(words("one-hot", List.of("plan"), Map.of("categories", RecipeLists.encode(List.of("basic", "pro")), "other", "true")))
                .isEqualTo("One-hot plan into plan=basic, plan=pro, and plan=other for any other value");
        assertThat(words("cross", List.of("region", "plan"), Map.of())).isEqualTo("Cross region and plan into the column region_x_plan");
        assertThat(words("drop", List.of("id"), Map.of())).isEqualTo("Drop the column id");
        assertThat(words("drop-missing", List.of("a", "b", "c"), Map.of())).isEqualTo("Drop rows where a, b or c is missing");
        assertThat(words("drop-duplicates", List.of(), Map.of())).isEqualTo("Drop rows that repeat an earlier row");
    }

    @Test
    void everyOperationHasALabelForTheEditor() {
        for (var operation : dev.cairn.api.data.transform.Operation.values()) {
            assertThat(StepWords.label(operation)).isNotBlank();
        }
        assertThat(StepWords.number("0.30000000000000004")).isEqualTo("0.3");
        assertThat(StepWords.number("1234567.0")).isEqualTo("1234570");
    }
}
