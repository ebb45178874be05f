package dev.cairn.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tracking.DatasetInput;
import dev.cairn.api.tracking.DatasetInput.Context;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.tracking.OutboxPayloads.RegistrationPayload;
import dev.cairn.app.tracking.OutboxPayloads.RunPayload;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Outbox payloads survive the round trip through JSON whole, and older payloads still read. */
class OutboxPayloadsTest {

    private final OutboxPayloads payloads = new OutboxPayloads();

    @Test
    void aRichRunReadsBackEqualWithItsStarter() {
        RunRecord run = RunRecord.named("trial 3").param("depth", "4").metric("accuracy", 0.91).tag("kind", "sweep")
                .metric("loss", 0.7, 0, Instant.parse("2026-12-01T10:00:00.123Z"))
                .metric("loss", 0.5, 1, Instant.parse("2026-12-01T10:00:01.456Z"))
                .input(new DatasetInput("churn v3", "ab12", "cairn:dataset-version/7", Context.VALIDATION,
                        Optional.of("{\"cols\":[]}"), Optional.empty()))
                .artifact(UUID.randomUUID(), "model/model.bin").childOf(UUID.randomUUID()).build();

        RunPayload back = payloads.readRun(payloads.run(new RunPayload("acme-member", run)));

        assertThat(back.run()).isEqualTo(run);
        assertThat(back.starter()).contains("acme-member");
    }

    @Test
    void aRunQueuedBeforeTheRicherRecordReadsWithNoStarter() {
        String old = "{\"name\":\"baseline\",\"params\":{\"m\":\"x\"},\"metrics\":{\"acc\":0.5},\"tags\":{}}";

        RunPayload back = payloads.readRun(old);

        assertThat(back.run()).isEqualTo(new RunRecord("baseline", Map.of("m", "x"), Map.of("acc", 0.5), Map.of()));
        assertThat(back.starter()).isEmpty();
    }

    @Test
    void aRegistrationReadsBackEqual() {
        RegistrationPayload registration = new RegistrationPayload(UUID.randomUUID(), "model", "churn", Map.of("stage", "candidate"));
        assertThat(payloads.readRegistration(payloads.registration(registration))).isEqualTo(registration);
    }

    @Test
    void aPayloadLargerThanTheOutboxColumnIsRefusedWithAHint() {
        RunRecord.Builder run = RunRecord.named("huge");
        for (int i = 0; i < 200; i++) {
            run.param("p" + i, "x".repeat(5999));
        }
        assertThatThrownBy(() -> payloads.run(new RunPayload("u", run.build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large")
                .hasMessageContaining("artifact");
    }
}
