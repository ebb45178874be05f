package dev.cairn.api.files;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A form field that uploads one file into the {@link FileStore}, streamed (Vaadin's
 * {@link UploadHandler}: the request body goes straight into the store, never into memory). Its
 * value is the {@link StoredFile}, so a Binder can require it. The tenant's limit is told before a
 * file is picked, checked by the browser, and enforced by the store on the server; the upload shows
 * its progress bar and a cancel button while it runs; a refusal is shown on the field.
 */
public class FileUploadField extends CustomField<StoredFile> {

    private final transient FileStore store;
    private final Upload upload = new Upload();
    private final Span stored = new Span();
    private final long limit;
    private StoredFile file;

    public FileUploadField(String label, FileStore store) {
        this.store = store;
        this.limit = store.uploadLimit();
        setLabel(label);
        setHelperText("One file, at most " + FileSizes.format(limit) + ".");
        upload.setMaxFiles(1);
        // The file as the request body, not multipart: a multipart body is parsed whole by the servlet
        // container (request.getParts()) before the handler runs; a raw one streams into the store,
        // which can refuse it by its declared length before reading and stops at the limit.
        upload.setUploadFormat(UploadFormat.RAW);
        // The browser refuses a larger file at once; the store refuses it again on the server.
        upload.setMaxFileSize((int) Math.min(limit, Integer.MAX_VALUE));
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error().setFileIsTooBig("Larger than the upload limit of " + FileSizes.format(limit) + ".")
                .setIncorrectFileType("This kind of file is not accepted here.").setTooManyFiles("One file at a time."));
        upload.setI18n(i18n);
        upload.setUploadHandler(this::receive);
        upload.addFileRejectedListener(rejected -> refuse("\"" + rejected.getFileName() + "\": " + rejected.getErrorMessage()));
        upload.addFileRemovedListener(removed -> accept(null, null));
        stored.addClassName("stored-file");
        add(upload, stored);
    }

    public Upload upload() {
        return upload;
    }

    /** Runs on the upload's own request, without the UI lock: the store reads the body as it arrives. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        try (InputStream body = event.getInputStream()) {
            StoreResult result = store.store(new NewFile(event.getFileName(), event.getContentType(), event.getFileSize()), body);
            ui.access(() -> accept(result.file(), result.alreadyStored()
                    ? "Already stored as \"" + result.file().name() + "\" (" + FileSizes.format(result.file().sizeBytes()) + ")."
                    : "Stored \"" + result.file().name() + "\" (" + FileSizes.format(result.file().sizeBytes()) + ")."));
        } catch (FileRejectedException | IllegalArgumentException refused) {
            event.reject(refused.getMessage());
            ui.access(() -> refuse(refused.getMessage()));
        } catch (UncheckedIOException | java.io.IOException aborted) {
            ui.access(() -> refuse("The upload of \"" + event.getFileName() + "\" did not complete; nothing was stored."));
        }
    }

    private void accept(StoredFile accepted, String message) {
        StoredFile old = file;
        file = accepted;
        stored.setText(message == null ? "" : message);
        setInvalid(false);
        setErrorMessage(null);
        if (old != accepted) {
            setModelValue(accepted, true);
        }
    }

    private void refuse(String message) {
        file = null;
        stored.setText("");
        setModelValue(null, true);
        setErrorMessage(message);
        setInvalid(true);
    }

    @Override
    protected StoredFile generateModelValue() {
        return file;
    }

    @Override
    protected void setPresentationValue(StoredFile value) {
        file = value;
        stored.setText(value == null ? "" : "\"" + value.name() + "\" (" + FileSizes.format(value.sizeBytes()) + ").");
        if (value == null) {
            upload.clearFileList();
        }
    }
}
