package dev.cairn.plugin.scoping.document;

import java.time.OffsetDateTime;

/** Someone else saved the same part first. The message names who and when; the form keeps the user's text. */
public class ConcurrentEditException extends IllegalStateException {

    public ConcurrentEditException(String part, String who, OffsetDateTime when) {
        super(who + " changed the " + part + " at " + when.toLocalTime().withNano(0)
                + " UTC while you were editing. Your text is still in the form: reload to see theirs, then merge.");
    }
}
