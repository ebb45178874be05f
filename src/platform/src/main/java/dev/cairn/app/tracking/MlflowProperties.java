package dev.cairn.app.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the MLflow tracking server is, how Cairn signs in to it, and whether users are linked to
 * its UI. An empty tracking URI means "not connected": records wait in the outbox.
 *
 * @param trackingUri  base URL of the MLflow server (http or https)
 * @param uiUrl        base URL users open in the browser (defaults to the tracking URI), e.g. an
 *                     authorising proxy in front of MLflow's UI
 * @param timeout      connect and read timeout of every MLflow call
 * @param sendInterval pause between two passes of the outbox sender
 * @param username     Cairn's service account on an MLflow server that requires authentication
 * @param password     that account's password (sent as HTTP Basic; never shown)
 * @param uiLinks      whether Cairn links users into MLflow's UI: {@code none} (the default; users
 *                     see MLflow data in Cairn) or {@code direct} (safe only where the UI is open to
 *                     them per tenant: the demo, or an authorising proxy)
 */
@ConfigurationProperties("cairn.mlflow")
public record MlflowProperties(String trackingUri, String uiUrl, Duration timeout, Duration sendInterval,
                               String username, String password, UiLinks uiLinks) {

    /** Whether Cairn shows links into MLflow's own UI. */
    public enum UiLinks {
        NONE,
        DIRECT
    }

    public MlflowProperties {
        trackingUri = trackingUri == null ? "" : trackingUri.strip();
        uiUrl = uiUrl == null || uiUrl.isBlank() ? trackingUri : uiUrl.strip();
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        sendInterval = sendInterval == null ? Duration.ofSeconds(2) : sendInterval;
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        uiLinks = uiLinks == null ? UiLinks.NONE : uiLinks;
    }

    public boolean configured() {
        return !trackingUri.isEmpty();
    }

    @Override
    public String toString() {
        return "MlflowProperties[trackingUri=" + trackingUri + ", uiUrl=" + uiUrl + ", timeout=" + timeout
                + ", sendInterval=" + sendInterval + ", username=" + username + ", password="
                + (password.isEmpty() ? "(empty)" : "(hidden)") + ", uiLinks=" + uiLinks + "]";
    }
}
