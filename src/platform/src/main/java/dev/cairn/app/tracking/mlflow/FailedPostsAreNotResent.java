package dev.cairn.app.tracking.mlflow;

import java.io.IOException;
import org.mlflow_project.apachehttp.HttpRequest;
import org.mlflow_project.apachehttp.HttpResponse;
import org.mlflow_project.apachehttp.HttpResponseInterceptor;
import org.mlflow_project.apachehttp.protocol.HttpContext;
import org.mlflow_project.apachehttp.protocol.HttpCoreContext;

/**
 * Stops mlflow-client from sending a POST again after a 5xx answer. The client re-sends any request
 * that failed with an HTTP error (up to 3 attempts), but a 5xx to a POST is ambiguous: the server
 * may have carried it out before failing (a run created, then the worker died), and a second
 * "create run" makes a second run. Turning the answer into an I/O error here (the client retries
 * HTTP errors only, and Apache HttpClient does not re-send a request that was sent) leaves the
 * decision to the caller, which looks the run up by its outbox tag and retries through the outbox.
 * GETs keep the client's retries: they change nothing.
 */
final class FailedPostsAreNotResent implements HttpResponseInterceptor {

    @Override
    public void process(HttpResponse response, HttpContext context) throws IOException {
        int status = response.getStatusLine().getStatusCode();
        if (status < 500 || status > 599) {
            return;
        }
        HttpRequest request = HttpCoreContext.adapt(context).getRequest();
        if (request != null && "POST".equalsIgnoreCase(request.getRequestLine().getMethod())) {
            throw new AmbiguousAnswerException("POST " + request.getRequestLine().getUri() + " answered HTTP " + status
                    + " " + response.getStatusLine().getReasonPhrase() + "; not re-sent, as it may have been carried out");
        }
    }

    /** A POST answered with a server error: it may or may not have taken effect. */
    static final class AmbiguousAnswerException extends IOException {
        AmbiguousAnswerException(String message) {
            super(message);
        }
    }
}
