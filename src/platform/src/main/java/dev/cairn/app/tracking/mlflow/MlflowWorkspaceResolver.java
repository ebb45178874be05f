package dev.cairn.app.tracking.mlflow;

/**
 * Names the MLflow workspace of the work in progress on this thread (in Cairn: the workspace of the
 * tenant in scope). Asked only when the server has workspaces enabled, before and during every
 * request. It must throw when there is no such workspace, so that nothing is ever sent to a shared
 * workspace by mistake (fail closed).
 */
@FunctionalInterface
public interface MlflowWorkspaceResolver {

    /** A resolver for servers known to have no workspaces: refuses if the server turns out to have them. */
    MlflowWorkspaceResolver NONE = () -> {
        throw new IllegalStateException("The MLflow server has workspaces enabled, but this gateway has no "
                + "workspace resolver: refusing to use a shared workspace");
    };

    /** The workspace name; never blank. */
    String currentWorkspace();
}
