package dev.cairn.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A run is created once per outbox record even when MLflow's answer to the creation is lost: the
 * real MLflow server sits behind a proxy that answers the first "create run" with a 500 after MLflow
 * has created it (SECURITY.md item 19). Neither the MLflow client nor the gateway may send it again
 * blindly; the gateway finds the run by its outbox tag.
 */
class RunCreationIdempotencyIT {

    private static final MlflowServer MLFLOW = MlflowServer.start(Path.of("target", "it-mlflow", "ambiguous-" + UUID.randomUUID()));

    @AfterAll
    static void stopMlflow() {
        MLFLOW.stop();
    }

    @Test
    void aCreationAnsweredWithAServerErrorAfterMlflowCarriedItOutLeavesOneRun() throws Exception {
        String outboxId = UUID.randomUUID().toString();
        RunRecord run = new RunRecord("answer lost", Map.of("alpha", "0.5"), Map.of("rmse", 1.25), Map.of("kind", "test"));
        try (FirstRunCreateFailsProxy proxy = new FirstRunCreateFailsProxy(MLFLOW.uri());
             MlflowGateway gateway = new MlflowGateway(proxy.uri(), Duration.ofSeconds(5))) {
            String experimentId = gateway.ensureExperiment("cairn/test/ambiguous-" + outboxId, Map.of());
            String runId = gateway.deliverRun(experimentId, outboxId, run);

            assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId, outboxId)).containsExactly(runId);
            assertThat(proxy.forwardedCreates()).as("run creations that reached MLflow").isEqualTo(1);
            assertThat(gateway.deliverRun(experimentId, outboxId, run)).as("delivering again").isEqualTo(runId);
            assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId, outboxId)).containsExactly(runId);
        }
    }
}
