package dev.cairn.plugin.data;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One feature package's share of the data plugin's declaration: the pages it adds, the lineage types it records with
 * the names users read, and which of those belong to a dataset's own history. Each package declares its part next to
 * its code, so a new package adds one line to {@link DataPlugin} rather than edits to four lists there.
 *
 * @param ownVersionTypes lineage types that a dataset's deletion takes with it: never a dependent that stops it
 */
public record DataPart(List<Class<? extends Component>> routes, Map<String, String> artifacts, Map<String, String> executions,
        Set<String> ownVersionTypes) {

    public DataPart {
        routes = List.copyOf(routes);
        artifacts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
        executions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(executions));
        ownVersionTypes = Set.copyOf(ownVersionTypes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a part in the order its pages and types should appear (the lineage legend keeps it). */
    public static final class Builder {
        private final List<Class<? extends Component>> routes = new ArrayList<>();
        private final Map<String, String> artifacts = new LinkedHashMap<>();
        private final Map<String, String> executions = new LinkedHashMap<>();
        private final Set<String> own = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder route(Class<? extends Component> view) {
            routes.add(view);
            return this;
        }

        /** An artifact type the part records and the name users read. */
        public Builder artifact(String type, String displayName) {
            artifacts.put(type, displayName);
            return this;
        }

        /** An artifact type that belongs to a dataset's own history (deleted with it, never a dependent). */
        public Builder ownArtifact(String type, String displayName) {
            own.add(type);
            return artifact(type, displayName);
        }

        public Builder execution(String type, String displayName) {
            executions.put(type, displayName);
            return this;
        }

        public Builder ownExecution(String type, String displayName) {
            own.add(type);
            return execution(type, displayName);
        }

        public DataPart build() {
            return new DataPart(routes, artifacts, executions, own);
        }
    }
}
