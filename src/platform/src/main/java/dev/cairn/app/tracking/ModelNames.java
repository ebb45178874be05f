package dev.cairn.app.tracking;

import java.util.Locale;
import java.util.UUID;

/**
 * Registered model names per tenant. Where the server has workspaces, a model lives in the tenant's
 * own workspace under the name the plugin gave (readable in MLflow's UI); without workspaces the
 * name is prefixed with the tenant's workspace name ({@code cairn-<tenant id>.churn}; MLflow refuses
 * '/' and ':' in model names), so two tenants' "churn" are two models: every name a tenant gives is
 * prefixed with its own id, so none can spell another tenant's model.
 */
final class ModelNames {

    static final int MAX_NAME = 200;

    private ModelNames() {
    }

    static String inMlflow(UUID tenantId, String modelName, boolean workspaces) {
        return workspaces ? modelName : ExperimentNames.workspaceOf(tenantId) + "." + modelName;
    }

    static void checkName(String modelName) {
        if (modelName == null || modelName.isBlank() || modelName.length() > MAX_NAME || !modelName.matches("[\\w.\\- ]+")
                || !modelName.equals(modelName.strip())) {
            throw new IllegalArgumentException("Model name '" + modelName + "' must be letters, digits, _ - . and spaces "
                    + "(no slash), at most " + MAX_NAME + " characters.");
        }
    }

    /** MLflow's alias rules: letters, digits, _ and -; not "latest" and not a version reference like "v3". */
    static void checkAlias(String alias) {
        boolean valid = alias != null && alias.matches("[\\w\\-]{1,255}") && !alias.equalsIgnoreCase("latest")
                && !alias.toLowerCase(Locale.ROOT).matches("v\\d+");
        if (!valid) {
            throw new IllegalArgumentException("Alias '" + alias + "' must be letters, digits, _ and - (at most 255), "
                    + "and neither 'latest' nor a version reference such as 'v3'.");
        }
    }

    static void checkVersion(String version) {
        if (version == null || !version.matches("[1-9]\\d{0,9}")) {
            throw new IllegalArgumentException("Model version '" + version + "' must be a version number such as 3.");
        }
    }
}
