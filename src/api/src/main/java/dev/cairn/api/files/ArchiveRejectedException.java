package dev.cairn.api.files;

/** An archive that breaks one of the archive rules; names the entry (when one is at fault) and the rule. */
public class ArchiveRejectedException extends FileRejectedException {

    private final String entry;

    public ArchiveRejectedException(String entry, String rule) {
        super(entry == null ? "The archive was refused: " + rule + "."
                : "The archive was refused at entry \"" + entry + "\": " + rule + ".");
        this.entry = entry;
    }

    /** The entry at fault, or null when the archive as a whole broke the rule. */
    public String entry() {
        return entry;
    }
}
