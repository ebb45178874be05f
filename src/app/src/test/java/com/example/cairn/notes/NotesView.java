package com.example.cairn.notes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.ProjectPage;
import jakarta.annotation.security.PermitAll;

/** A project's example notes on the UI kit's project page: the list, and a field to write one for those who may. */
@Route("example/notes")
@PermitAll
public class NotesView extends ProjectPage {

    private final NotesService notes;

    public NotesView(NotesService notes, ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.DEPLOYMENT, "Example notes", NotesPermissions.READ);
        this.notes = notes;
    }

    @Override
    protected void render(ProjectRef project) {
        UnorderedList list = new UnorderedList();
        if (can(NotesPermissions.WRITE)) {
            TextField text = new TextField("Note");
            add(text, new Button("Write note", click -> {
                notes.write(project.id(), text.getValue());
                list.add(new ListItem(text.getValue().strip()));
                text.clear();
            }));
        }
        var existing = notes.notes(project.id());
        if (existing.isEmpty()) {
            add(new Paragraph("No notes yet: write the first one above (members and managers may)."));
        }
        existing.forEach(note -> list.add(new ListItem(note.name())));
        add(list);
    }
}
