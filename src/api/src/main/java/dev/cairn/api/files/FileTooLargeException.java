package dev.cairn.api.files;

/** Content over the tenant's upload limit, refused before it was read to the end. */
public class FileTooLargeException extends FileRejectedException {

    private final long limitBytes;

    public FileTooLargeException(String fileName, long limitBytes) {
        super("\"" + fileName + "\" is larger than the upload limit of " + FileSizes.format(limitBytes) + ".");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
