package dev.cairn.app.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the MLflow tracking server is. An empty tracking URI means "not connected": records wait
 * in the outbox.
 *
 * @param trackingUri  base URL of the MLflow server (http or https)
 * @param uiUrl        base URL users open in the browser (defaults to the tracking URI)
 * @param timeout      connect and read timeout of every MLflow call
 * @param sendInterval pause between two passes of the outbox sender
 */
@ConfigurationProperties("cairn.mlflow")
public record MlflowProperties(String trackingUri, String uiUrl, Duration timeout, Duration sendInterval) {

    public MlflowProperties {
        trackingUri = trackingUri == null ? "" : trackingUri.strip();
        uiUrl = uiUrl == null || uiUrl.isBlank() ? trackingUri : uiUrl.strip();
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        sendInterval = sendInterval == null ? Duration.ofSeconds(2) : sendInterval;
    }

    public boolean configured() {
        return !trackingUri.isEmpty();
    }
}
