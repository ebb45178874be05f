package dev.cairn.api.security;

/** The signed-in user may not do this. Services throw it; the UI shows its message. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
