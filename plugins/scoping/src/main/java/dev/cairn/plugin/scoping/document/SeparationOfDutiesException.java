package dev.cairn.plugin.scoping.document;

import dev.cairn.api.security.AccessDeniedException;

/** The user's role allows the decision, but they wrote what is to be decided on, and someone else could decide. */
public class SeparationOfDutiesException extends AccessDeniedException {

    public SeparationOfDutiesException(String message) {
        super(message);
    }
}
