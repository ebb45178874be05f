package dev.cairn.app.tracking;

import dev.cairn.api.tracking.RunRecord;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** JSON payloads of outbox records. */
@Component
class OutboxPayloads {

    private final JsonMapper json = JsonMapper.builder().build();

    String experiment(UUID tenantId, String slug, UUID projectId, String projectKey) {
        return json.writeValueAsString(new ExperimentPayload(Map.of(
                "cairn.tenant", tenantId.toString(),
                "cairn.tenant_slug", slug,
                "cairn.project", projectId.toString(),
                "cairn.project_key", projectKey)));
    }

    ExperimentPayload readExperiment(String payload) {
        return json.readValue(payload, ExperimentPayload.class);
    }

    String run(RunRecord run) {
        return json.writeValueAsString(run);
    }

    RunRecord readRun(String payload) {
        return json.readValue(payload, RunRecord.class);
    }

    record ExperimentPayload(Map<String, String> tags) {
    }
}
