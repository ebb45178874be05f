package dev.cairn.api.tracking;

import java.util.Optional;

/** Whether a project's records have reached the tracking server, and where to see them. */
public record TrackingStatus(State state, int pendingRecords, Optional<String> experimentUrl, Optional<String> lastError) {

    public enum State {
        IN_SYNC("In sync"),
        PENDING("Pending sync"),
        NOT_CONNECTED("MLflow not connected");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
