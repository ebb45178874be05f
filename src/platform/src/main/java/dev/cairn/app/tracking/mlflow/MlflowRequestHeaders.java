package dev.cairn.app.tracking.mlflow;

import java.util.function.UnaryOperator;
import org.mlflow_project.apachehttp.HttpRequest;
import org.mlflow_project.apachehttp.HttpRequestInterceptor;
import org.mlflow_project.apachehttp.protocol.HttpContext;

/**
 * The one place where every request to MLflow gets Cairn's credentials and its workspace. The Java
 * client's calls and the gateway's own plain HTTP calls share one HTTP client, and this is its
 * interceptor, so no call path can forget either header.
 */
final class MlflowRequestHeaders implements HttpRequestInterceptor {

    static final String WORKSPACE_HEADER = "X-MLFLOW-WORKSPACE";

    private final MlflowCredentials credentials;
    /** Request path to its workspace, or null when the request is not workspace-scoped. */
    private final UnaryOperator<String> workspaceOfPath;

    MlflowRequestHeaders(MlflowCredentials credentials, UnaryOperator<String> workspaceOfPath) {
        this.credentials = credentials;
        this.workspaceOfPath = workspaceOfPath;
    }

    @Override
    public void process(HttpRequest request, HttpContext context) {
        if (credentials.present()) {
            request.setHeader("Authorization", credentials.basicAuthorization());
        }
        String workspace = workspaceOfPath.apply(pathOf(request.getRequestLine().getUri()));
        request.removeHeaders(WORKSPACE_HEADER);
        if (workspace != null) {
            request.setHeader(WORKSPACE_HEADER, workspace);
        }
    }

    /** The path of an absolute or relative request URI, without its query. */
    static String pathOf(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return path;
    }
}
