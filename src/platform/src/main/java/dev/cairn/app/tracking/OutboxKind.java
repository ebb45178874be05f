package dev.cairn.app.tracking;

enum OutboxKind {
    CREATE_EXPERIMENT,
    LOG_RUN,
    REGISTER_MODEL_VERSION
}
