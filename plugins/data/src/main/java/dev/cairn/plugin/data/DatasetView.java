package dev.cairn.plugin.data;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.files.FileRejectedException;
import dev.cairn.api.files.FileSizes;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.ingest.ImportRejectedException;
import dev.cairn.plugin.data.ingest.SampleLine;
import dev.cairn.plugin.data.statistics.ProfileStatusBadge;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One dataset: its version history (newest first, with provenance, size, rows and digest; deleted
 * versions as tombstones) and the form that uploads a new version with its format choices. URL
 * {@code data/dataset/<project id>?dataset=<dataset id>}; another project's or tenant's dataset is
 * "not found".
 */
@Route("data/dataset")
@PageTitle("Dataset · Cairn")
@PermitAll
public class DatasetView extends ProjectPage implements BeforeEnterObserver {

    static final String DATASET_PARAMETER = "dataset";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final FileStore files;
    private final DataIngestProperties properties;
    private final StoredProfiles profiles;
    private final dev.cairn.plugin.data.validation.VersionValidations validations;
    private final Div content = new Div();
    private final Grid<DatasetVersionRecord> history = new Grid<>();
    private final StatusLine historyStatus = new StatusLine();

    public DatasetView(DatasetService datasets, DatasetVersions versions, FileStore files, DataIngestProperties properties,
                       ProjectDirectory projects, PermissionCheck permissions, StoredProfiles profiles,
                       dev.cairn.plugin.data.validation.VersionValidations validations) {
        super(projects, permissions, Stage.DATA, "Dataset", DataPermissions.READ);
        this.profiles = profiles;
        this.validations = validations;
        this.datasets = datasets;
        this.versions = versions;
        this.files = files;
        this.properties = properties;
    }

    static String url(ProjectRef project, UUID dataset) {
        return "data/dataset/" + project.id() + "?" + DATASET_PARAMETER + "=" + dataset;
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    /** After {@link #render}: the dataset comes from the query string, which only the enter event carries. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PageChoice.dataset(event, datasets, project(), content).ifPresent(dataset -> show(project(), dataset));
    }

    private void show(ProjectRef project, DatasetRecord dataset) {
        content.removeAll();
        content.add(new Anchor("data/datasets/" + project.id(), "← All datasets"), new H3(dataset.getName()));
        if (dataset.getDescription() != null && !dataset.getDescription().isBlank()) {
            content.add(new Paragraph(dataset.getDescription()));
        }
        Anchor schema = new Anchor(dev.cairn.plugin.data.schema.SchemaView.url(project.id(), dataset.getId()), "Schema: features, versions, approval →");
        schema.addClassName("dataset-schema-link");
        content.add(schema);
        content.add(new Anchor(dev.cairn.plugin.data.driftpage.DatasetDriftView.url(project, dataset.getId()), "Drift between versions"));
        content.add(new Anchor(dev.cairn.plugin.data.recipepage.RecipesView.url(project.id(), dataset.getId()), "Recipes: cleaning and transformation"));
        if (can(DataPermissions.UPLOAD)) {
            content.add(new UploadForm(project, dataset));
        }
        columns(project, dataset);
        content.add(new H3("Version history"), historyStatus, history);
        refresh(project, dataset);
    }

    private void columns(ProjectRef project, DatasetRecord dataset) {
        history.removeAllColumns();
        history.addColumn(v -> "v" + v.getVersion()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> v.getCreatedAt().format(WHEN) + " by " + v.getCreatedBy()).setHeader("Uploaded").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(DatasetVersionRecord::getFileName).setHeader("File").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> v.getSizeBytes() == null ? "" : FileSizes.format(v.getSizeBytes())).setHeader("Size").setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(v -> v.getDeletedAt() == null ? v.getRowCount() + " × " + v.getColumnCount() : "").setHeader("Rows × columns")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(DatasetViewText::format)
                .setHeader("Format").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(DatasetView::digest).setHeader("SHA-256").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(DatasetViewText::provenance).setHeader("Provenance").setFlexGrow(1);
        history.addComponentColumn(v -> new ProfileStatusBadge(profiles, project, v)).setHeader("Statistics").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(v -> new dev.cairn.plugin.data.validation.ValidationBadge(validations, project, v,
                v.getId().equals(dataset.getTrainingVersion()))).setHeader("Validation").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(v -> v.getDeletedAt() != null ? new Span()
                : new Anchor(dev.cairn.plugin.data.labels.LabelAgreementView.url(project, v.getId()), "Label agreement"))
                .setHeader("Labels").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(v -> v.getDeletedAt() != null ? new Span()
                : new Anchor(dev.cairn.plugin.data.selection.FeatureSelectionView.url(project.id(), v.getId()), "Feature selection"))
                .setHeader("Features").setAutoWidth(true).setFlexGrow(0);
        if (can(DataPermissions.UPLOAD) || can(DataPermissions.DELETE_VERSION)) {
            history.addComponentColumn(v -> actions(project, dataset, v)).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        }
        history.setAllRowsVisible(true);
        history.setEmptyStateText(can(DataPermissions.UPLOAD) ? "No versions yet. Upload the first one with the form above."
                : "No versions yet. A member or manager of the project uploads them.");
    }

    private static Span digest(DatasetVersionRecord v) {
        if (v.getSha256() == null) {
            return new Span("deleted");
        }
        Span digest = new Span(v.getSha256().substring(0, 12) + "…");
        digest.getElement().setAttribute("title", v.getSha256());
        return digest;
    }

    private HorizontalLayout actions(ProjectRef project, DatasetRecord dataset, DatasetVersionRecord version) {
        HorizontalLayout actions = new HorizontalLayout();
        if (version.getDeletedAt() != null) {
            return actions;
        }
        if (can(DataPermissions.UPLOAD)) {
            actions.add(new Button("Edit provenance", click -> new ProvenanceDialog(project, dataset, version).open()));
        }
        if (can(DataPermissions.DELETE_VERSION)) {
            Button delete = new Button("Delete", click -> new DeleteDialog(project, dataset, version).open());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private void refresh(ProjectRef project, DatasetRecord dataset) {
        history.setItems(versions.history(project.id(), dataset.getId()));
    }

    /** The provenance fields, shared by the upload form and the edit dialog. */
    private static final class ProvenanceFields {
        final TextField source = new TextField("Source");
        final TextField collectionMethod = new TextField("Collection method");
        final TextField licence = new TextField("Licence or consent");
        final TextArea notes = new TextArea("Notes");

        ProvenanceFields() {
            source.setMaxLength(1000);
            source.setPlaceholder("CRM export, nightly job");
            collectionMethod.setMaxLength(1000);
            collectionMethod.setPlaceholder("all active subscribers, full snapshot");
            licence.setMaxLength(1000);
            licence.setPlaceholder("internal use; customers consented under terms v3");
            notes.setMaxLength(4000);
        }

        void register(EditForm form) {
            form.field(source, "Source").field(collectionMethod, "Collection method").field(licence, "Licence or consent").field(notes, "Notes");
        }

        Provenance value() {
            return new Provenance(source.getValue(), collectionMethod.getValue(), licence.getValue(), notes.getValue());
        }

        void fill(DatasetVersionRecord v) {
            source.setValue(v.getSource());
            collectionMethod.setValue(v.getCollectionMethod());
            licence.setValue(v.getLicence());
            notes.setValue(v.getNotes());
        }
    }

    /** Uploads a new version: the file, the format choices (each "detect" by default) and the provenance. */
    private final class UploadForm extends FormLayout {
        private final DatasetFileField file = new DatasetFileField("File", files.uploadLimit(), properties.spoolDirectory());
        // ComboBoxes, not Selects: the production bundle ships vaadin-combo-box, not vaadin-select.
        private final ComboBox<String> delimiter = new ComboBox<>("Delimiter");
        private final TextField quote = new TextField("Quote");
        private final ComboBox<String> header = new ComboBox<>("Header row");
        private final ComboBox<String> encoding = new ComboBox<>("Encoding");
        private final ComboBox<String> fallback = new ComboBox<>("If not UTF-8, read as");
        private final ProvenanceFields provenance = new ProvenanceFields();
        private final Button submit = new Button("Upload version");
        private final Span outcome = new Span();
        private final Pre sample = new Pre();
        private final EditForm form = new EditForm(this);

        UploadForm(ProjectRef project, DatasetRecord dataset) {
            H3 heading = new H3("Upload a version");
            delimiter.setItems("detect", "comma", "tab", "semicolon", "pipe");
            delimiter.setValue("detect");
            quote.setMaxLength(1);
            quote.setPlaceholder("detect (\")");
            header.setItems("detect", "yes", "no");
            header.setValue("detect");
            encoding.setItems("UTF-8", "UTF-16", "windows-1252", "ISO-8859-1");
            encoding.setAllowCustomValue(true);
            encoding.addCustomValueSetListener(custom -> encoding.setValue(custom.getDetail()));
            encoding.setPlaceholder("detect (BOM, else UTF-8)");
            fallback.setItems("windows-1252", "ISO-8859-1");
            fallback.setAllowCustomValue(true);
            fallback.addCustomValueSetListener(custom -> fallback.setValue(custom.getDetail()));
            fallback.setPlaceholder("refuse the file");
            form.required(file, "File").field(delimiter, "Delimiter").field(quote, "Quote").field(header, "Header")
                    .field(encoding, "Encoding").field(fallback, "Fallback encoding");
            provenance.register(form);
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> submit(project, dataset));
            outcome.addClassName("upload-outcome");
            sample.addClassName("offending-lines");
            sample.setVisible(false);
            add(heading, file, delimiter, quote, header, encoding, fallback, provenance.source, provenance.collectionMethod,
                    provenance.licence, provenance.notes, new HorizontalLayout(submit), outcome, sample, form.status());
            setColspan(heading, 2);
            setColspan(file, 2);
            setColspan(provenance.notes, 2);
            setColspan(outcome, 2);
            setColspan(sample, 2);
            setColspan(form.status(), 2);
            setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        }

        private void submit(ProjectRef project, DatasetRecord dataset) {
            outcome.setText("");
            sample.setVisible(false);
            List<DatasetVersions.Upload> done = new java.util.ArrayList<>(1);
            if (!form.submit(() -> done.add(upload(project, dataset)))) {
                return;
            }
            String message = done.getFirst().message(dataset.getName());
            outcome.setText(message);
            Notices.success(done.getFirst().alreadyStored() ? "Already stored" : "Version " + done.getFirst().version().getVersion() + " stored");
            file.reset();
            // The emptied field is ready for the next file, not "required" yet.
            file.setInvalid(false);
            file.setErrorMessage(null);
            form.markSaved();
            refresh(project, dataset);
        }

        /** Refusals of the file land on the file field ("File: ..."), with the offending lines below the form. */
        private DatasetVersions.Upload upload(ProjectRef project, DatasetRecord dataset) {
            DatasetFileField.Pending pending = file.getValue();
            FormatOverrides overrides = FormatOverrides.parse(detect(delimiter.getValue()), quote.getValue(), headerValue(),
                    encoding.getValue(), fallback.getValue());
            try (InputStream in = pending.open()) {
                return versions.upload(project.id(), dataset.getId(), new NewFile(pending.name(), pending.contentType(), pending.size()), in,
                        overrides, provenance.value());
            } catch (ImportRejectedException rejected) {
                showSample(rejected.samples());
                throw new IllegalArgumentException("File: " + rejected.getMessage(), rejected);
            } catch (FileRejectedException refused) {
                throw new IllegalArgumentException("File: " + refused.getMessage(), refused);
            } catch (IOException | UncheckedIOException unreadable) {
                throw new IllegalArgumentException("File: the upload could not be read again; pick the file once more.", unreadable);
            }
        }

        private String headerValue() {
            return switch (header.getValue() == null ? "detect" : header.getValue()) {
                case "yes" -> "true";
                case "no" -> "false";
                default -> null;
            };
        }

        private void showSample(List<SampleLine> lines) {
            if (lines.isEmpty()) {
                return;
            }
            sample.setText("Offending lines:\n" + lines.stream().map(l -> "line " + l.line() + ": " + l.text()).collect(Collectors.joining("\n")));
            sample.setVisible(true);
        }
    }

    private static String detect(String value) {
        return value == null || value.equals("detect") ? null : value;
    }

    /** Edits what the uploader said about a version; the bytes never change. */
    private final class ProvenanceDialog extends Dialog {
        ProvenanceDialog(ProjectRef project, DatasetRecord dataset, DatasetVersionRecord version) {
            setHeaderTitle("Provenance of " + dataset.getName() + " v" + version.getVersion());
            ProvenanceFields fields = new ProvenanceFields();
            fields.fill(version);
            EditForm form = new EditForm(this);
            fields.register(form);
            FormLayout layout = new FormLayout(fields.source, fields.collectionMethod, fields.licence, fields.notes, form.status());
            add(new Paragraph("The file, its digest and its counts stay as they are; only these notes change."), layout);
            Button save = new Button("Save provenance", click -> {
                if (form.submit(() -> versions.editProvenance(project.id(), version.getId(), fields.value()))) {
                    Notices.success("Provenance saved");
                    close();
                    refresh(project, dataset);
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button("Cancel", click -> close()), save);
        }
    }

    /** Deletes a version's bytes for good, with the reason the audit log keeps. */
    private final class DeleteDialog extends Dialog {
        DeleteDialog(ProjectRef project, DatasetRecord dataset, DatasetVersionRecord version) {
            setHeaderTitle("Delete " + dataset.getName() + " v" + version.getVersion() + "?");
            TextField reason = new TextField("Reason");
            reason.setPlaceholder("privacy request #123");
            reason.setMaxLength(1000);
            reason.setWidthFull();
            EditForm form = new EditForm(this);
            form.required(reason, "Reason");
            add(new Paragraph("Its bytes are deleted for good (unless another dataset's version holds the same bytes). The history keeps"
                    + " a tombstone saying who deleted it, when and why; the audit log and the lineage graph record it."), reason, form.status());
            Button delete = new Button("Delete version", click -> {
                String[] told = new String[1];
                if (form.submit(() -> told[0] = versions.delete(project.id(), version.getId(), reason.getValue()))) {
                    Notices.success(told[0]);
                    close();
                    refresh(project, dataset);
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            getFooter().add(new Button("Cancel", click -> close()), delete);
        }
    }
}
