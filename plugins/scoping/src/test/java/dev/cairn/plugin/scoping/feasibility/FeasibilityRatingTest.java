package dev.cairn.plugin.scoping.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import dev.cairn.plugin.scoping.feasibility.FeasibilityRating.Level;
import org.junit.jupiter.api.Test;

class FeasibilityRatingTest {

    private static FeasibilityAnswers answers(DataKind kind, boolean hlp, Integer examples, Double value, Evidence features, PriorWork prior) {
        return new FeasibilityAnswers(kind, hlp, hlp ? "Two inspectors labelled the same images" : null, examples,
                value == null ? null : "accuracy", value, features, null, prior, null);
    }

    @Test
    void unstructuredDataWithAMeasuredHumanBaselineAndPriorWorkIsHigh() {
        var rating = FeasibilityRating.of(answers(DataKind.UNSTRUCTURED, true, 500, 0.97, Evidence.UNKNOWN, PriorWork.ESTABLISHED));
        assertThat(rating.level()).isEqualTo(Level.HIGH);
        assertThat(rating.points()).isEqualTo(4);
        assertThat(rating.score()).isEqualTo(5);
        assertThat(rating.reasons()).anyMatch(r -> r.contains("People reach accuracy 0.97 on 500 examples"));
    }

    @Test
    void aBaselineMeasuredOnFewExamplesCountsHalf() {
        var rating = FeasibilityRating.of(answers(DataKind.UNSTRUCTURED, true, 12, 0.9, Evidence.UNKNOWN, PriorWork.SOME));
        assertThat(rating.points()).isEqualTo(2);
        assertThat(rating.level()).isEqualTo(Level.MEDIUM);
        assertThat(rating.reasons()).anyMatch(r -> r.contains("too few to rely on"));
    }

    @Test
    void forStructuredDataTheFeaturesCountNotTheHumanBaseline() {
        var rating = FeasibilityRating.of(answers(DataKind.STRUCTURED, true, 500, 0.97, Evidence.SOME, PriorWork.NONE));
        assertThat(rating.points()).isEqualTo(1);
        assertThat(rating.level()).isEqualTo(Level.LOW);
        assertThat(rating.reasons().getFirst()).startsWith("Structured data");
    }

    @Test
    void structuredDataWithoutPredictiveFeaturesIsLowWhateverElseIsKnown() {
        var rating = FeasibilityRating.of(answers(DataKind.STRUCTURED, false, null, null, Evidence.NONE, PriorWork.ESTABLISHED));
        assertThat(rating.level()).isEqualTo(Level.LOW);
        assertThat(rating.reasons().getLast()).contains("nothing to learn from");
    }

    @Test
    void mixedDataTakesTheBetterSignal() {
        var rating = FeasibilityRating.of(answers(DataKind.MIXED, false, null, null, Evidence.STRONG, PriorWork.SOME));
        assertThat(rating.points()).isEqualTo(3);
        assertThat(rating.level()).isEqualTo(Level.HIGH);
    }

    @Test
    void anHlpValueWithoutItsMetricOrWithZeroExamplesIsRefusedWithAClearMessage() {
        var noMetric = new FeasibilityAnswers(DataKind.UNSTRUCTURED, true, null, 100, " ", 0.9, Evidence.UNKNOWN, null,
                PriorWork.UNKNOWN, null);
        assertThatThrownBy(noMetric::validate).hasMessageContaining("metric of the HLP baseline");
        var zero = answers(DataKind.UNSTRUCTURED, true, 0, 0.9, Evidence.UNKNOWN, PriorWork.UNKNOWN);
        assertThatThrownBy(zero::validate).hasMessageContaining("at least 1");
        var noKind = answers(null, false, null, null, Evidence.UNKNOWN, PriorWork.UNKNOWN);
        assertThatThrownBy(noKind::validate).hasMessageContaining("structured or unstructured");
    }
}
