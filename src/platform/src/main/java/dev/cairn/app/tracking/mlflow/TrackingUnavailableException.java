package dev.cairn.app.tracking.mlflow;

/**
 * The MLflow tracking server could not carry out a request: it was unreachable, did not answer
 * within the configured timeout, or answered with an error. The message names the tracking URI and
 * the cause; callers (such as the outbox) keep their record and retry later.
 */
public final class TrackingUnavailableException extends RuntimeException {

    private final String trackingUri;

    public TrackingUnavailableException(String trackingUri, String message, Throwable cause) {
        super("MLflow tracking server at " + trackingUri + " is unavailable: " + message, cause);
        this.trackingUri = trackingUri;
    }

    /** The tracking URI of the server that failed. */
    public String trackingUri() {
        return trackingUri;
    }
}
