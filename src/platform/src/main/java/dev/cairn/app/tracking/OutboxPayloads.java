package dev.cairn.app.tracking;

import dev.cairn.api.tracking.RunRecord;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON payloads of outbox records. */
@Component
class OutboxPayloads {

    /** The outbox column's size (V9); a payload beyond it is refused when recorded. */
    static final int MAX_PAYLOAD = 1_000_000;

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

    String run(RunPayload run) {
        return checked(json.writeValueAsString(run));
    }

    /** Reads a run; a record queued before V9 holds the bare run record, with nobody named as starter. */
    RunPayload readRun(String payload) {
        JsonNode tree = json.readTree(payload);
        if (tree.has("run")) {
            return json.treeToValue(tree, RunPayload.class);
        }
        return new RunPayload(null, json.treeToValue(tree, RunRecord.class));
    }

    String registration(RegistrationPayload registration) {
        return checked(json.writeValueAsString(registration));
    }

    RegistrationPayload readRegistration(String payload) {
        return json.readValue(payload, RegistrationPayload.class);
    }

    private static String checked(String payload) {
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("The record is too large to queue (" + payload.length() + " characters, at most "
                    + MAX_PAYLOAD + "): store large content as a file and attach it as an artifact.");
        }
        return payload;
    }

    record ExperimentPayload(Map<String, String> tags) {
    }

    /**
     * A run as queued: the plugin's record, and who started it, as the platform saw it.
     *
     * @param startedBy the signed-in user's username, or null for records queued before V9
     */
    record RunPayload(String startedBy, RunRecord run) {
        Optional<String> starter() {
            return Optional.ofNullable(startedBy);
        }
    }

    /**
     * A model version to register.
     *
     * @param run          the local id of the run (a LOG_RUN record of the same project)
     * @param artifactPath the model's path inside the run's artefacts
     * @param modelName    the name the plugin gave, without the tenant's prefix
     */
    record RegistrationPayload(UUID run, String artifactPath, String modelName, Map<String, String> tags) {
        RegistrationPayload {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }
}
