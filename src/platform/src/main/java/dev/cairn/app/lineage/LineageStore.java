package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_CONTEXT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;

import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.LineageArtifactRecord;
import dev.cairn.app.db.tables.records.LineageContextRecord;
import dev.cairn.app.db.tables.records.LineageEventRecord;
import dev.cairn.app.db.tables.records.LineageExecutionRecord;
import dev.cairn.app.lineage.LineageTraversal.Direction;
import dev.cairn.app.plugins.PluginRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lineage of the current tenant's projects: records artifacts, executions and their events in a
 * project's context, and answers graph, upstream and downstream queries. All reads and writes go
 * through the tenant gateway, except the recursive queries (see {@link LineageTraversal}).
 */
@Service
public class LineageStore implements LineageRecorder {

    static final String PROJECT_CONTEXT_TYPE = "cairn.project";
    static final String INPUT = "INPUT";
    static final String OUTPUT = "OUTPUT";
    /** Executions are recorded once they have run; ML Metadata calls that state COMPLETE. */
    static final String COMPLETE = "COMPLETE";

    private final TenantDb db;
    private final PluginRegistry plugins;
    private final LineageTraversal traversal;
    private final LineageGraphReader graphs;

    // The registry is lazy: plugins use projects, projects use lineage, lineage checks plugin types.
    LineageStore(TenantDb db, @Lazy PluginRegistry plugins, LineageTraversal traversal) {
        this.db = db;
        this.plugins = plugins;
        this.traversal = traversal;
        this.graphs = new LineageGraphReader(db);
    }

    /** Called inside the project-creation transaction, so a project never exists without its context. */
    @Transactional
    public UUID createProjectContext(UUID projectId, String projectName) {
        LineageContextRecord context = db.newRecord(LINEAGE_CONTEXT);
        context.setId(UUID.randomUUID());
        context.setType(PROJECT_CONTEXT_TYPE);
        context.setName(LineageInput.name(projectName));
        context.setProjectId(projectId);
        context.setCreatedAt(now());
        db.insert(context);
        return context.getId();
    }

    public Optional<UUID> projectContext(UUID projectId) {
        return db.fetchOptional(LINEAGE_CONTEXT, LINEAGE_CONTEXT.PROJECT_ID.eq(projectId)
                        .and(LINEAGE_CONTEXT.TYPE.eq(PROJECT_CONTEXT_TYPE)))
                .map(LineageContextRecord::getId);
    }

    @Override
    @Transactional
    public UUID recordArtifact(UUID projectId, String type, String name, String uri, Map<String, String> properties) {
        String cleanType = LineageInput.declaredType(type, plugins::isDeclaredLineageType);
        String cleanName = LineageInput.name(name);
        String cleanUri = LineageInput.uri(uri);
        String json = LineageProperties.toJson(properties);
        LineageArtifactRecord artifact = db.newRecord(LINEAGE_ARTIFACT);
        artifact.setId(UUID.randomUUID());
        artifact.setContextId(requireContext(projectId));
        artifact.setType(cleanType);
        artifact.setName(cleanName);
        artifact.setUri(cleanUri);
        artifact.setProperties(json);
        artifact.setCreatedAt(now());
        db.insert(artifact);
        return artifact.getId();
    }

    @Override
    @Transactional
    public UUID recordExecution(UUID projectId, String type, String name, List<UUID> inputArtifacts,
                                List<UUID> outputArtifacts, Map<String, String> properties) {
        String cleanType = LineageInput.declaredType(type, plugins::isDeclaredLineageType);
        String cleanName = LineageInput.name(name);
        String json = LineageProperties.toJson(properties);
        UUID contextId = requireContext(projectId);
        Set<UUID> inputs = distinct(inputArtifacts);
        Set<UUID> outputs = distinct(outputArtifacts);
        requireArtifacts(inputs);
        requireArtifacts(outputs);
        LineageExecutionRecord execution = db.newRecord(LINEAGE_EXECUTION);
        execution.setId(UUID.randomUUID());
        execution.setContextId(contextId);
        execution.setType(cleanType);
        execution.setName(cleanName);
        execution.setState(COMPLETE);
        execution.setProperties(json);
        execution.setCreatedAt(now());
        db.insert(execution);
        inputs.forEach(artifact -> recordEvent(artifact, execution.getId(), INPUT));
        outputs.forEach(artifact -> recordEvent(artifact, execution.getId(), OUTPUT));
        return execution.getId();
    }

    /** The project's whole lineage; {@link NotFoundException} when the project has no context in this tenant. */
    public LineageGraphData graph(UUID projectId) {
        return graphs.read(requireContext(projectId));
    }

    public List<NodeRef> upstream(UUID nodeId) {
        return traversal.reachable(nodeId, Direction.UPSTREAM);
    }

    public List<NodeRef> downstream(UUID nodeId) {
        return traversal.reachable(nodeId, Direction.DOWNSTREAM);
    }

    public Optional<NodeDetails> node(UUID nodeId) {
        return graphs.details(nodeId);
    }

    private UUID requireContext(UUID projectId) {
        return projectContext(projectId).orElseThrow(() -> new NotFoundException("Project"));
    }

    /** Another tenant's artifact is "not found", like a missing one. */
    private void requireArtifacts(Set<UUID> ids) {
        if (!ids.isEmpty() && db.count(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.ID.in(ids)) != ids.size()) {
            throw new NotFoundException("Artifact");
        }
    }

    private void recordEvent(UUID artifactId, UUID executionId, String kind) {
        LineageEventRecord event = db.newRecord(LINEAGE_EVENT);
        event.setId(UUID.randomUUID());
        event.setArtifactId(artifactId);
        event.setExecutionId(executionId);
        event.setKind(kind);
        event.setCreatedAt(now());
        db.insert(event);
    }

    private static Set<UUID> distinct(List<UUID> ids) {
        if (ids == null) {
            return Set.of();
        }
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("An input or output artifact id is missing");
        }
        return new LinkedHashSet<>(ids);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
