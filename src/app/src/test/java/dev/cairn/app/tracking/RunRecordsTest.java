package dev.cairn.app.tracking;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tracking.DatasetInput;
import dev.cairn.api.tracking.DatasetInput.Context;
import dev.cairn.api.tracking.RunRecord;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run is refused before it is queued when MLflow would refuse it later; the message names the field. */
class RunRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCompleteRunIsAccepted() {
        RunRecord run = RunRecord.named("sweep trial 1").param("lr", "0.1").metric("accuracy", 0.9)
                .metric("loss", 0.5, 0, AT).metric("loss", 0.4, 1, AT.plusSeconds(1))
                .input(new DatasetInput("churn v3", "a".repeat(64), "cairn:dataset-version/1", Context.TRAINING))
                .artifact(UUID.randomUUID(), "model/model.bin").childOf(UUID.randomUUID()).build();
        assertThatCode(() -> RunRecords.validate(run)).doesNotThrowAnyException();
    }

    @Test
    void aMetricKeyWithForbiddenCharactersIsRefusedByName() {
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").metric("loss;drop", 0.1, 0, AT).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric name 'loss;drop'");
    }

    @Test
    void aNaNOrInfiniteMetricValueIsRefusedNamingTheMetricAndStep() {
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").metric("loss", Double.NaN, 7, AT).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Metric loss at step 7")
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").metric("auc", Double.POSITIVE_INFINITY).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Metric auc");
    }

    @Test
    void aNegativeStepIsRefused() {
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").metric("loss", 1, -1, AT).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    }

    @Test
    void aDatasetInputWithoutDigestIsRefusedNamingTheDataset() {
        RunRecord run = RunRecord.named("r").input(new DatasetInput("churn v3", " ", "cairn:x", Context.TEST)).build();
        assertThatThrownBy(() -> RunRecords.validate(run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digest").hasMessageContaining("churn v3");
    }

    @Test
    void aDatasetInputWithoutNameSourceOrContextIsRefused() {
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r")
                .input(new DatasetInput("", "abc", "cairn:x", Context.TEST)).build())).hasMessageContaining("name");
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r")
                .input(new DatasetInput("d", "abc", "", Context.TEST)).build())).hasMessageContaining("source");
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r")
                .input(new DatasetInput("d", "abc", "cairn:x", null)).build())).hasMessageContaining("context");
    }

    @Test
    void anArtifactPathThatLeavesTheRunsFolderIsRefused() {
        for (String path : new String[] {"../other-run/model", "/etc/passwd", "model/../../x", "", "a\\b"}) {
            assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").artifact(UUID.randomUUID(), path).build()))
                    .as(path).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Artifact path");
        }
    }

    @Test
    void platformTagsCannotBeSetByAPluginSoMlflowUserCannotBeForged() {
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").tag("mlflow.user", "ceo").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mlflow.user").hasMessageContaining("reserved");
        assertThatThrownBy(() -> RunRecords.validate(RunRecord.named("r").tag("cairn.tenant", "other").build()))
                .hasMessageContaining("reserved");
    }

    @Test
    void tooManyMetricPointsAreRefusedWithTheLimit() {
        RunRecord.Builder run = RunRecord.named("r");
        for (int step = 0; step <= RunRecords.MAX_METRIC_POINTS; step++) {
            run.metric("loss", 1.0 / (step + 1), step, AT);
        }
        assertThatThrownBy(() -> RunRecords.validate(run.build())).hasMessageContaining(String.valueOf(RunRecords.MAX_METRIC_POINTS));
    }
}
