package dev.cairn.api.files;

/** Content the file store refused; the message says what was wrong and is fit for the user. */
public class FileRejectedException extends RuntimeException {

    public FileRejectedException(String message) {
        super(message);
    }
}
