package dev.cairn.app.tracking.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cairn's service account on an MLflow server that requires authentication (MLflow's basic-auth
 * app, or a proxy in front of MLflow that checks HTTP Basic). Sent as HTTP Basic on every request;
 * never printed: {@link #toString()} names the user only.
 *
 * @param username the service account, empty for a server without authentication
 * @param password its password, empty for a server without authentication
 */
public record MlflowCredentials(String username, String password) {

    private static final MlflowCredentials NONE = new MlflowCredentials("", "");

    public MlflowCredentials {
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("An MLflow username cannot contain ':' (HTTP Basic separates it from the password)");
        }
    }

    /** No authentication (the demo's open MLflow server). */
    public static MlflowCredentials none() {
        return NONE;
    }

    public boolean present() {
        return !username.isEmpty() || !password.isEmpty();
    }

    /** The {@code Authorization} header value. */
    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return present() ? "MlflowCredentials[" + username + ", password hidden]" : "MlflowCredentials[none]";
    }
}
