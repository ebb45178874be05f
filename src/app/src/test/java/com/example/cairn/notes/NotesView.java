package com.example.cairn.notes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import com.vaadin.flow.router.NotFoundException;
import jakarta.annotation.security.PermitAll;

/** A project's example notes: the list, and a field to write one for those who may. */
@Route("example/notes")
@PermitAll
public class NotesView extends VerticalLayout implements HasUrlParameter<String> {

    private final NotesService notes;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;

    public NotesView(NotesService notes, ProjectDirectory projects, PermissionCheck permissions) {
        this.notes = notes;
        this.projects = projects;
        this.permissions = permissions;
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        if (!permissions.can(NotesPermissions.READ)) {
            event.rerouteToError(NotFoundException.class, "No such page");
            return;
        }
        ProjectRef project = projects.require(projectId);
        removeAll();
        add(new H2(project.key() + " · Example notes"));
        UnorderedList list = new UnorderedList();
        if (permissions.can(NotesPermissions.WRITE)) {
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
