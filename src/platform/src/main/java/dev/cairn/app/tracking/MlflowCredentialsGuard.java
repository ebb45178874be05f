package dev.cairn.app.tracking;

import dev.cairn.app.demo.DemoAccounts;
import dev.cairn.app.tracking.mlflow.MlflowCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SECURITY.md item 7 (and 11 for MLflow): outside the demo profile Cairn does not start with a
 * shipped, guessable or empty MLflow password when the server requires authentication. A password
 * that is set is judged on its own (a known default or under {@value #MIN_LENGTH} characters is
 * refused, whatever the server says). No credentials at all are refused when the server turns
 * away an anonymous request (401 or 403); when the server cannot be reached at start-up Cairn
 * starts, logs a warning, and the outbox shows MLflow's own refusal later.
 */
final class MlflowCredentialsGuard {

    static final int MIN_LENGTH = 12;
    /** MLflow's former shipped admin password, Cairn's documented demo password, and the obvious. */
    private static final Set<String> DEFAULT_PASSWORDS = Set.of("password1234", "password", "admin", "mlflow",
            "changeme", DemoAccounts.PASSWORD);
    private static final Logger LOG = LoggerFactory.getLogger(MlflowCredentialsGuard.class);

    private final MlflowProperties properties;
    private final boolean demo;

    MlflowCredentialsGuard(MlflowProperties properties, boolean demo) {
        this.properties = properties;
        this.demo = demo;
    }

    /** Throws {@link IllegalStateException} naming the setting to fix when Cairn must not start. */
    void check(MlflowCredentials credentials) {
        if (demo || !properties.configured()) {
            return;
        }
        if (credentials.present()) {
            checkPassword(credentials);
        } else if (requiresAuthentication()) {
            throw refusal("the MLflow server at " + properties.trackingUri() + " requires authentication, and "
                    + "cairn.mlflow.username / cairn.mlflow.password are empty. Set them to Cairn's service account.");
        }
    }

    private void checkPassword(MlflowCredentials credentials) {
        if (credentials.username().isEmpty()) {
            throw refusal("cairn.mlflow.password is set but cairn.mlflow.username is empty.");
        }
        String password = credentials.password();
        if (password.isEmpty()) {
            throw refusal("cairn.mlflow.password is empty for MLflow user '" + credentials.username() + "'.");
        }
        if (DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            throw refusal("cairn.mlflow.password for MLflow user '" + credentials.username()
                    + "' is a shipped or documented default. Give the service account a strong password.");
        }
        if (password.length() < MIN_LENGTH) {
            throw refusal("cairn.mlflow.password for MLflow user '" + credentials.username() + "' is shorter than "
                    + MIN_LENGTH + " characters. Give the service account a strong password.");
        }
    }

    /** Whether the server turns away a request without credentials. */
    private boolean requiresAuthentication() {
        URI probe = URI.create(properties.trackingUri().replaceAll("/+$", "") + "/api/2.0/mlflow/experiments/search?max_results=1");
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(properties.timeout()).GET().build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build()) {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 401 || status == 403;
        } catch (IOException e) {
            LOG.warn("Cannot reach MLflow at {} to check whether it requires authentication ({}); starting anyway",
                    properties.trackingUri(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refusal("interrupted while checking the MLflow server at " + properties.trackingUri());
        }
    }

    private static IllegalStateException refusal(String reason) {
        return new IllegalStateException("Refusing to start: " + reason);
    }
}
