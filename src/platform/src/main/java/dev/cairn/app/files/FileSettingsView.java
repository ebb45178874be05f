package dev.cairn.app.files;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.dependency.Uses;
import dev.cairn.api.files.FileSizes;
import dev.cairn.api.files.FileUploadField;
import dev.cairn.api.files.StoredFile;
import dev.cairn.api.security.Role;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A tenant admin's upload limit for their tenant, in whole megabytes (empty means the platform
 * default), and the list of the files the tenant stored.
 */
// Stage pages upload with cairn-api's FileUploadField; naming it here keeps its web components
// (upload, custom field) in the production bundle, which holds only what a route reaches.
@Uses(FileUploadField.class)
@Route("admin/files")
@PageTitle("File uploads · Cairn")
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class FileSettingsView extends VerticalLayout {

    static final long MEGABYTE = 1024 * 1024;
    private static final DateTimeFormatter UPLOADED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FileLimits limits;
    private final IntegerField limitField = new IntegerField("Upload limit (MB)");
    private final Binder<Settings> binder = new Binder<>();
    private final StoredFileService files;
    private final Grid<StoredFile> grid = new Grid<>();

    /** The form's model: the limit in megabytes, or null for the platform default. */
    static final class Settings {
        Integer megabytes;
    }

    public FileSettingsView(FileLimits limits, StoredFileService files) {
        this.limits = limits;
        this.files = files;
        int ceilingMb = (int) Math.min(Integer.MAX_VALUE, limits.ceiling() / MEGABYTE);
        limitField.setHelperText("Empty: the platform default of " + FileSizes.format(limits.platformDefault())
                + ". At most " + FileSizes.format(limits.ceiling()) + ".");
        // No min/max on the field itself: its own constraint check would mark it invalid without a
        // message; the Binder's validators below say what is wrong.
        limitField.setStepButtonsVisible(false);
        binder.forField(limitField)
                .withValidator(mb -> mb == null || mb >= 1, "The limit is at least 1 MB.")
                .withValidator(mb -> mb == null || mb <= ceilingMb, "The limit is at most " + FileSizes.format(limits.ceiling())
                        + ", the platform's ceiling.")
                .bind(s -> s.megabytes, (s, mb) -> s.megabytes = mb);
        Button save = new Button("Save limit", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("File uploads"), new Paragraph("The largest file a user of this tenant may upload. Archives are also checked for "
                + "their number of entries, their unpacked size and their paths."), limitField, save);
        Settings settings = new Settings();
        settings.megabytes = limits.tenantLimit().map(bytes -> (int) (bytes / MEGABYTE)).orElse(null);
        binder.readBean(settings);
        add(storedFiles());
    }

    /**
     * The tenant's stored files, each with what still uses it (stages say so through FileUsage) and
     * a delete for privacy requests: the stages mark what used a deleted file as deleted.
     */
    private VerticalLayout storedFiles() {
        grid.addColumn(StoredFile::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(file -> FileSizes.format(file.sizeBytes())).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StoredFile::sha256).setHeader("SHA-256").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StoredFile::createdBy).setHeader("Uploaded by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(file -> file.createdAt().withOffsetSameInstant(ZoneOffset.UTC).format(UPLOADED_AT)).setHeader("Uploaded (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(file -> usesText(files.usesOf(file.id()))).setHeader("Used by").setFlexGrow(1);
        grid.addComponentColumn(file -> {
            Button delete = new Button("Delete", click -> new DeleteDialog(file).open());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            delete.getElement().setAttribute("aria-label", "Delete " + file.name());
            return delete;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No files stored yet. Files appear here once a user uploads one on a stage page, "
                + "or a client sends one to the REST API (POST /api/v1/files).");
        grid.setItems(files.tenantFiles());
        VerticalLayout section = new VerticalLayout(new H3("Stored files"), new Paragraph("Every file this tenant stored, newest first; "
                + "the same content is stored once. Deleting a file (a privacy request) deletes its bytes for good; what used it "
                + "(a dataset version, for example) is marked deleted, naming you and your reason."), grid);
        section.setPadding(false);
        return section;
    }

    static String usesText(List<String> uses) {
        return uses.isEmpty() ? "Nothing" : String.join("; ", uses);
    }

    /** Asks for the reason the audit log keeps, and says what else goes with the file. */
    private final class DeleteDialog extends Dialog {
        DeleteDialog(StoredFile file) {
            setHeaderTitle("Delete " + file.name() + "?");
            List<String> uses = files.usesOf(file.id());
            TextField reason = new TextField("Reason");
            reason.setPlaceholder("privacy request #123");
            reason.setMaxLength(1000);
            reason.setWidthFull();
            EditForm form = new EditForm(this);
            form.required(reason, "Reason");
            add(new Paragraph(uses.isEmpty() ? "Its bytes are deleted for good. Nothing uses it."
                    : "Its bytes are deleted for good, and with them: " + usesText(uses) + ". They are marked deleted, naming you and "
                    + "the reason."), reason, form.status());
            Button delete = new Button("Delete file", click -> {
                if (form.submit(() -> files.delete(file.id(), reason.getValue().strip()))) {
                    Notices.success("Deleted " + file.name() + ": its bytes are gone.");
                    close();
                    grid.setItems(files.tenantFiles());
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            getFooter().add(new Button("Cancel", click -> close()), delete);
        }
    }

    private void save() {
        Settings settings = new Settings();
        try {
            binder.writeBean(settings);
        } catch (ValidationException invalid) {
            return; // the errors are on the field
        }
        try {
            limits.setTenantLimit(settings.megabytes == null ? null : settings.megabytes * MEGABYTE);
        } catch (IllegalArgumentException refused) {
            limitField.setErrorMessage(refused.getMessage());
            limitField.setInvalid(true);
            return;
        }
        Notices.success(settings.megabytes == null ? "Uploads now follow the platform default"
                : "Upload limit set to " + FileSizes.format(settings.megabytes * MEGABYTE));
    }
}
