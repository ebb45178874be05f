package com.example.cairn.notes;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import org.springframework.stereotype.Component;

/** The example plugin's declaration: a page, two permissions, a lineage type and a gate. */
@Component
public class NotesPlugin implements StagePlugin {

    private final NotesService notes;

    public NotesPlugin(NotesService notes) {
        this.notes = notes;
    }

    @Override
    public String id() {
        return "example";
    }

    @Override
    public Stage stage() {
        return Stage.DEPLOYMENT;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("Example notes", NotesView.class));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(NotesPermissions.READ, NotesPermissions.WRITE);
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(NotesService.NOTE), List.of());
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("An example note is written", project -> notes.count(project.id()) > 0
                ? StageGateCheck.GateResult.pass("A note is written")
                : StageGateCheck.GateResult.fail("Write a note on the Example notes page.")));
    }
}
