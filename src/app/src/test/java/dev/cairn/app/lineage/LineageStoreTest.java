package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.LineageContextRecord;
import dev.cairn.app.db.tables.records.LineageEventRecord;
import dev.cairn.app.db.tables.records.LineageExecutionRecord;
import dev.cairn.app.plugins.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LineageStoreTest {

    private final TenantDb db = mock(TenantDb.class);
    private final LineageTraversal traversal = mock(LineageTraversal.class);
    private final LineageStore store = new LineageStore(db, new PluginRegistry(List.of(new DataPlugin())), traversal);
    private final UUID project = UUID.randomUUID();
    private final List<TableRecord<?>> inserted = new ArrayList<>();

    @BeforeEach
    void aProjectWithAContext() {
        LineageContextRecord context = new LineageContextRecord();
        context.setId(UUID.randomUUID());
        when(db.fetchOptional(eq(LINEAGE_CONTEXT), any())).thenReturn(java.util.Optional.of(context));
        when(db.newRecord(any())).thenAnswer(call -> ((Table<?>) call.getArgument(0)).newRecord());
        when(db.insert(any())).thenAnswer(call -> {
            inserted.add(call.getArgument(0));
            return call.getArgument(0);
        });
    }

    @Test
    void anUndeclaredTypeIsRefusedByNameBeforeAnythingIsRead() {
        assertThatThrownBy(() -> store.recordArtifact(project, "data.datset", "customers", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'data.datset'")
                .hasMessageContaining("not declared");
        verifyNoInteractions(db);
    }

    @Test
    void anExecutionReadingAnArtifactOutsideTheTenantIsNotFoundAndNothingIsWritten() {
        when(db.count(eq(LINEAGE_ARTIFACT), any())).thenReturn(0);

        assertThatThrownBy(() -> store.recordExecution(project, "data.validation", "check",
                List.of(UUID.randomUUID()), List.of(), Map.of()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Artifact not found");
        verify(db, never()).insert(any());
    }

    @Test
    void anExecutionRecordsOneEventPerArtifactEvenWhenAnIdIsListedTwice() {
        UUID input = UUID.randomUUID();
        UUID output = UUID.randomUUID();
        when(db.count(eq(LINEAGE_ARTIFACT), any())).thenReturn(1);

        UUID execution = store.recordExecution(project, "data.validation", "check",
                List.of(input, input), List.of(output), Map.of("rows", "12"));

        assertThat(inserted).hasSize(3);
        LineageExecutionRecord recorded = (LineageExecutionRecord) inserted.getFirst();
        assertThat(recorded.getId()).isEqualTo(execution);
        assertThat(recorded.getState()).isEqualTo("COMPLETE");
        assertThat(recorded.getProperties()).isEqualTo("{\"rows\":\"12\"}");
        List<String> events = inserted.stream().skip(1).map(record -> {
            LineageEventRecord event = (LineageEventRecord) record;
            return event.getKind() + " " + event.getArtifactId();
        }).toList();
        assertThat(events).containsExactly("INPUT " + input, "OUTPUT " + output);
    }

    @Test
    void aProjectWithoutAContextInThisTenantIsNotFound() {
        when(db.fetchOptional(eq(LINEAGE_CONTEXT), any())).thenReturn(java.util.Optional.empty());

        assertThatThrownBy(() -> store.recordArtifact(project, "data.dataset", "customers", null, Map.of()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Project not found");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> store.recordArtifact(project, "data.dataset", "  ", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    private static final class DataPlugin implements StagePlugin {
        @Override
        public String id() {
            return "data";
        }

        @Override
        public Stage stage() {
            return Stage.DATA;
        }

        @Override
        public List<dev.cairn.api.plugin.NavigationEntry> navigation() {
            return List.of();
        }

        @Override
        public List<dev.cairn.api.plugin.PermissionDefinition> permissions() {
            return List.of();
        }

        @Override
        public LineageTypes lineageTypes() {
            return new LineageTypes(List.of("data.dataset"), List.of("data.validation"));
        }

        @Override
        public List<dev.cairn.api.plugin.StageGateCheck> gateChecks() {
            return List.of();
        }
    }
}
