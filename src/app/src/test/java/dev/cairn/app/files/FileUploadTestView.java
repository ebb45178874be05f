package dev.cairn.app.files;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.FileUploadField;
import dev.cairn.api.files.StoredFile;
import jakarta.annotation.security.PermitAll;

/**
 * A form as a stage page would build it: a required file, uploaded with {@link FileUploadField}.
 * Test scope only, and without @Route so that the route inventory and role matrix never see it;
 * the tests that need it register it themselves ({@link #PATH}).
 */
@PermitAll
public class FileUploadTestView extends VerticalLayout {

    public static final String PATH = "test/file-upload";

    final FileUploadField file;
    final Span saved = new Span();
    private final Binder<Form> binder = new Binder<>();

    static final class Form {
        StoredFile file;
    }

    public FileUploadTestView(FileStore store) {
        file = new FileUploadField("Training data", store);
        binder.forField(file).asRequired("Choose a file to upload.").bind(f -> f.file, (f, v) -> f.file = v);
        binder.readBean(new Form());
        saved.addClassName("saved");
        add(file, new Button("Save", click -> save()), saved);
    }

    private void save() {
        Form form = new Form();
        try {
            binder.writeBean(form);
        } catch (ValidationException invalid) {
            return;
        }
        saved.setText("Saved " + form.file.name() + " sha256=" + form.file.sha256());
    }
}
