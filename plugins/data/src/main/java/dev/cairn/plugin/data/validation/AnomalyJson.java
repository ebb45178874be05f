package dev.cairn.plugin.data.validation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report's anomalies as stored (JSON text): each with its fix, so a stored report offers the same
 * fix buttons as a fresh one. The fix's kind is written by name through a mix-in, which keeps
 * Jackson out of the pure {@link SchemaFix} types.
 */
final class AnomalyJson {

    private static final TypeReference<List<Anomaly>> ANOMALIES = new TypeReference<>() {
    };

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = SchemaFix.AddCategories.class, name = "add-categories"),
            @JsonSubTypes.Type(value = SchemaFix.RelaxRange.class, name = "relax-range"),
            @JsonSubTypes.Type(value = SchemaFix.LowerPresence.class, name = "lower-presence"),
            @JsonSubTypes.Type(value = SchemaFix.MakeOptional.class, name = "make-optional"),
            @JsonSubTypes.Type(value = SchemaFix.AddColumn.class, name = "add-column"),
            @JsonSubTypes.Type(value = SchemaFix.ChangeType.class, name = "change-type"),
            @JsonSubTypes.Type(value = SchemaFix.AddEnvironment.class, name = "add-environment"),
            @JsonSubTypes.Type(value = SchemaFix.RelaxDistinct.class, name = "relax-distinct"),
            @JsonSubTypes.Type(value = SchemaFix.LowerMinRows.class, name = "lower-min-rows")})
    private interface FixKinds {
    }

    private static final JsonMapper JSON = JsonMapper.builder().addMixIn(SchemaFix.class, FixKinds.class).build();

    private AnomalyJson() {
    }

    static String write(List<Anomaly> anomalies) {
        return JSON.writerFor(ANOMALIES).writeValueAsString(anomalies);
    }

    static List<Anomaly> read(String json) {
        return JSON.readValue(json, ANOMALIES);
    }
}
