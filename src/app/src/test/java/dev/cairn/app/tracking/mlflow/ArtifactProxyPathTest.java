package dev.cairn.app.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where a run's artefacts go on the artefact proxy, from the artefact URI MLflow gave the run. */
class ArtifactProxyPathTest {

    @Test
    void aProxiedRunsArtefactUriGivesThePathBelowTheProxy() {
        assertThat(MlflowGateway.proxiedPath("mlflow-artifacts:/1/abc/artifacts")).isEqualTo("1/abc/artifacts");
        assertThat(MlflowGateway.proxiedPath("mlflow-artifacts:/workspaces/cairn-x/4/abc/artifacts"))
                .isEqualTo("workspaces/cairn-x/4/abc/artifacts");
        assertThat(MlflowGateway.proxiedPath("mlflow-artifacts://mlflow:5000/2/abc/artifacts/")).isEqualTo("2/abc/artifacts");
    }

    @Test
    void aStoreTheServerDoesNotProxyIsRefusedWithTheFix() {
        assertThatThrownBy(() -> MlflowGateway.proxiedPath("s3://bucket/2/abc/artifacts"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--serve-artifacts");
    }

    @Test
    void pathSegmentsArePercentEncodedAndSlashesKept() {
        assertThat(MlflowRest.encodePath("1/abc/artifacts/model files/a+b.bin")).isEqualTo("1/abc/artifacts/model%20files/a%2Bb.bin");
    }
}
