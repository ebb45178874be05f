package dev.cairn.plugin.data;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import dev.cairn.api.files.FileRejectedException;
import dev.cairn.api.files.FileSizes;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The upload field of a dataset version: the file streams (Vaadin's UploadHandler, raw body, with
 * the upload's progress bar and cancel button) into a temporary file, not yet into the file store,
 * because the import check runs when the form is submitted with its format choices, and a refused
 * file must leave nothing in the store. Built like the kit's FileUploadField (limit told before a
 * file is picked, checked by the browser and again while streaming; refusals on the field); its
 * value is the waiting upload, deleted when it is replaced, cleared or the field leaves the page.
 */
class DatasetFileField extends CustomField<DatasetFileField.Pending> {

    /** An upload waiting for the form's submit; {@link #discard()} deletes its temporary file. */
    record Pending(String name, String contentType, Spool spool) {
        long size() {
            return spool.size();
        }

        InputStream open() throws java.io.IOException {
            return spool.open();
        }

        void discard() {
            spool.close();
        }
    }

    private final Upload upload = new Upload();
    private final Span received = new Span();
    private final long limit;
    private final Path spoolDirectory;
    private Pending pending;

    DatasetFileField(String label, long limit, Path spoolDirectory) {
        this.limit = limit;
        this.spoolDirectory = spoolDirectory;
        setLabel(label);
        setHelperText("A CSV, TSV or Parquet file, at most " + FileSizes.format(limit) + ".");
        upload.setMaxFiles(1);
        upload.setUploadFormat(UploadFormat.RAW); // streamed as the request body, never parsed whole as multipart
        upload.setMaxFileSize((int) Math.min(limit, Integer.MAX_VALUE));
        upload.setAcceptedFileTypes(".csv", ".tsv", ".tab", ".txt", ".parquet", ".parq", ".pq", "text/csv", "text/tab-separated-values",
                "text/plain", "application/vnd.apache.parquet");
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error().setFileIsTooBig("Larger than the upload limit of " + FileSizes.format(limit) + ".")
                .setIncorrectFileType("Only CSV, TSV and Parquet files are accepted here.").setTooManyFiles("One file at a time."));
        upload.setI18n(i18n);
        upload.setUploadHandler(this::receive);
        upload.addFileRejectedListener(rejected -> refuse("\"" + rejected.getFileName() + "\": " + rejected.getErrorMessage()));
        upload.addFileRemovedListener(removed -> accept(null));
        received.addClassName("received-file");
        add(upload, received);
        addDetachListener(detached -> accept(null));
    }

    Upload upload() {
        return upload;
    }

    /** Runs on the upload's own request, without the UI lock. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        try (InputStream body = event.getInputStream()) {
            Spool spool = Spool.of(body, spoolDirectory, limit, event.getFileName());
            Pending arrived = new Pending(event.getFileName(), event.getContentType(), spool);
            ui.access(() -> accept(arrived));
        } catch (FileRejectedException refused) {
            event.reject(refused.getMessage());
            ui.access(() -> refuse(refused.getMessage()));
        } catch (UncheckedIOException | java.io.IOException aborted) {
            ui.access(() -> refuse("The upload of \"" + event.getFileName() + "\" did not complete; nothing was kept."));
        }
    }

    private void accept(Pending arrived) {
        Pending old = pending;
        pending = arrived;
        if (old != null && old != arrived) {
            old.discard();
        }
        received.setText(arrived == null ? "" : "\"" + arrived.name() + "\" (" + FileSizes.format(arrived.size())
                + ") is ready: it is checked and stored when you upload the version.");
        setInvalid(false);
        setErrorMessage(null);
        if (old != arrived) {
            setModelValue(arrived, true);
        }
    }

    private void refuse(String message) {
        accept(null);
        setErrorMessage(message);
        setInvalid(true);
    }

    /** After the submit, whatever its outcome: the service kept its own copy or refused it. */
    void reset() {
        accept(null);
        upload.clearFileList();
    }

    @Override
    protected Pending generateModelValue() {
        return pending;
    }

    @Override
    protected void setPresentationValue(Pending value) {
        if (value != pending) {
            Pending old = pending;
            pending = value;
            if (old != null) {
                old.discard();
            }
        }
        received.setText(value == null ? "" : "\"" + value.name() + "\" (" + FileSizes.format(value.size()) + ").");
        if (value == null) {
            upload.clearFileList();
        }
    }
}
