package dev.cairn.api.tracking;

/**
 * A synchronous tracking call (a registry look-up or an alias change) could not be carried out
 * because the tracking server is unreachable or refused it. Nothing was changed on Cairn's side;
 * the message says what failed, and the caller can tell the user to try again.
 */
public class TrackingUnavailable extends RuntimeException {

    public TrackingUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
