package dev.cairn.plugin.data.schema;

import dev.cairn.api.security.AccessDeniedException;

/** The user may approve schemas, but wrote the version to be approved: someone else must. */
public class SeparationOfDutiesException extends AccessDeniedException {

    public SeparationOfDutiesException(String message) {
        super(message);
    }
}
