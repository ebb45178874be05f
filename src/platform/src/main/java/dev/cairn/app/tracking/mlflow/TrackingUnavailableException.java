package dev.cairn.app.tracking.mlflow;

/**
 * The MLflow tracking server could not carry out a request: it was unreachable, did not answer
 * within the configured timeout, or answered with an error. The message names the tracking URI and
 * the cause; callers (such as the outbox) keep their record and retry later.
 */
public final class TrackingUnavailableException extends RuntimeException {

    private final String trackingUri;
    /** MLflow's HTTP status when it answered with an error, else 0 (no answer). */
    private final int httpStatus;

    public TrackingUnavailableException(String trackingUri, String message, Throwable cause) {
        this(trackingUri, message, cause, 0);
    }

    public TrackingUnavailableException(String trackingUri, String message, Throwable cause, int httpStatus) {
        super("MLflow tracking server at " + trackingUri + " is unavailable: " + message, cause);
        this.trackingUri = trackingUri;
        this.httpStatus = httpStatus;
    }

    /**
     * Whether MLflow understood the request and refused it (400: a value it does not take; 404: no
     * such entity), which asking again will not change; authentication, rate limits, server errors
     * and no answer at all are not refusals.
     */
    public boolean refusedForGood() {
        return httpStatus == 400 || httpStatus == 404;
    }

    /** Whether MLflow said the entity asked for (a model, a version) does not exist. */
    public boolean notFound() {
        return httpStatus == 404;
    }

    /** The tracking URI of the server that failed. */
    public String trackingUri() {
        return trackingUri;
    }
}
