package dev.cairn.api.deployment;

/** What happened to a deployment. */
public enum DeploymentChange {
    CREATED,
    /** Another model version now serves (a promotion, a completed rollout). */
    MODEL_CHANGED,
    /** A rollout was aborted and the stable version serves all traffic again. */
    ROLLED_BACK,
    STOPPED
}
