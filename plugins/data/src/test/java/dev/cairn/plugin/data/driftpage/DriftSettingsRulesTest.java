package dev.cairn.plugin.data.driftpage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.plugin.data.driftpage.DriftSettingsRules.FeatureSetting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings' rules: the share's range, a threshold's range per method, a method for every threshold. */
class DriftSettingsRulesTest {

    @Test
    void theShareIsAboveZeroAndAtMostOne() {
        assertThat(DriftSettingsRules.shareProblem(0.5)).isNull();
        assertThat(DriftSettingsRules.shareProblem(1.0)).isNull();
        assertThat(DriftSettingsRules.shareProblem(0.0)).isEqualTo("The drift share must be above 0 and at most 1, was 0.0.");
        assertThat(DriftSettingsRules.shareProblem(1.01)).contains("at most 1, was 1.01");
        assertThat(DriftSettingsRules.shareProblem(Double.NaN)).contains("was NaN");
        assertThat(DriftSettingsRules.shareProblem(null)).contains("Evidently: 0.5");
    }

    @Test
    void aPValuesThresholdLiesStrictlyBetweenZeroAndOneADistancesIsAtLeastZero() {
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.KOLMOGOROV_SMIRNOV, 0.01)).isNull();
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.CHI_SQUARED, 1.0))
                .isEqualTo("The chi-squared p-value threshold must lie strictly between 0 and 1, was 1.0.");
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.Z_TEST, 0.0)).contains("strictly between 0 and 1");
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.PSI, 0.25)).isNull();
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.WASSERSTEIN_NORMED, 3.0)).as("a distance may exceed 1").isNull();
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.JENSEN_SHANNON_DISTANCE, -0.1))
                .isEqualTo("The Jensen-Shannon distance threshold must be a finite number of at least 0, was -0.1.");
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.L_INFINITY, Double.POSITIVE_INFINITY)).contains("finite");
        assertThat(DriftSettingsRules.thresholdProblem(DriftMethod.PSI, null)).as("the method's default").isNull();
    }

    @Test
    void aThresholdNeedsAMethod() {
        assertThat(DriftSettingsRules.thresholdProblem(null, 0.05)).startsWith("Pick a method to set a threshold");
    }

    @Test
    void everyProblemIsNamedWithItsField() {
        List<String> problems = DriftSettingsRules.problems(2.0, List.of(
                new FeatureSetting("age", DriftMethod.KOLMOGOROV_SMIRNOV, 0.5),
                new FeatureSetting("age", DriftMethod.PSI, null),
                new FeatureSetting(" ", DriftMethod.PSI, null),
                new FeatureSetting("plan", null, null),
                new FeatureSetting("fee", null, 0.1),
                new FeatureSetting("income", DriftMethod.PSI, -1.0)));
        assertThat(problems).containsExactly(
                "Drift share: The drift share must be above 0 and at most 1, was 2.0.",
                "Feature 'age': set twice.",
                "A feature setting names no feature.",
                "Feature 'plan': pick the method that decides.",
                "Feature 'fee': Pick a method to set a threshold: the default method is a p-value on small references and a"
                        + " distance on large ones.",
                "Feature 'income': The population stability index threshold must be a finite number of at least 0, was -1.0.");
        assertThat(DriftSettingsRules.problems(0.5, List.of(new FeatureSetting("age", DriftMethod.PSI, 0.25)))).isEmpty();
    }
}
