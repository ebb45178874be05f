package dev.cairn.api.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricContractTest {

    private final MetricTarget accuracy = new MetricTarget(MetricKind.ML, "accuracy", null, Direction.AT_LEAST, 0.9, null);
    private final MetricTarget newCustomers = new MetricTarget(MetricKind.ML, "accuracy", "new customers", Direction.AT_LEAST, 0.85, null);
    private final MetricTarget latency = new MetricTarget(MetricKind.SOFTWARE, "p95 latency", null, Direction.AT_MOST, 200, "ms");
    private final MetricContract contract = new MetricContract(UUID.randomUUID(), 2, "acme-admin", OffsetDateTime.now(),
            List.of(accuracy, newCustomers, latency));

    @Test
    void eachTargetIsMetMissedOrNotMeasuredOnItsOwnSlice() {
        var checks = contract.check(List.of(Measurement.overall("Accuracy", 0.92), new Measurement("accuracy", "New customers", 0.80)));
        assertThat(checks).extracting(TargetCheck::outcome).containsExactly(TargetCheck.Outcome.MET, TargetCheck.Outcome.MISSED,
                TargetCheck.Outcome.NOT_MEASURED);
        assertThat(checks.get(1).measured()).isEqualTo(0.80);
        assertThat(checks.get(2).measured()).isNull();
    }

    @Test
    void aThresholdItselfMeetsTheTargetInEitherDirection() {
        assertThat(accuracy.isMetBy(0.9)).isTrue();
        assertThat(accuracy.isMetBy(0.8999)).isFalse();
        assertThat(latency.isMetBy(200)).isTrue();
        assertThat(latency.isMetBy(200.5)).isFalse();
    }

    @Test
    void allMetCanBeAskedForSomeKindsOnly() {
        var measured = List.of(Measurement.overall("accuracy", 0.95), new Measurement("accuracy", "new customers", 0.9));
        assertThat(contract.allMet(measured, MetricKind.ML)).isTrue();
        assertThat(contract.allMet(measured)).as("latency is not measured").isFalse();
        assertThat(contract.allMet(List.of(Measurement.overall("accuracy", 0.95)), MetricKind.ML)).isFalse();
    }

    @Test
    void targetsDescribeThemselvesInPlainWords() {
        assertThat(accuracy.describe()).isEqualTo("accuracy >= 0.9");
        assertThat(newCustomers.describe()).isEqualTo("accuracy >= 0.85 (slice: new customers)");
        assertThat(latency.describe()).isEqualTo("p95 latency <= 200 ms");
    }

    @Test
    void aTargetWithoutANameOrWithAnInfiniteThresholdIsRefused() {
        assertThatThrownBy(() -> new MetricTarget(MetricKind.ML, " ", null, Direction.AT_LEAST, 1, null))
                .hasMessageContaining("metric name");
        assertThatThrownBy(() -> new MetricTarget(MetricKind.ML, "recall", null, Direction.AT_LEAST, Double.NaN, null))
                .hasMessageContaining("recall").hasMessageContaining("finite");
    }

    @Test
    void theContractKeepsItsOwnCopyOfTheTargets() {
        var targets = new java.util.ArrayList<>(List.of(accuracy));
        var copy = new MetricContract(UUID.randomUUID(), 1, "a", OffsetDateTime.now(), targets);
        targets.add(latency);
        assertThat(copy.targets()).containsExactly(accuracy);
    }
}
