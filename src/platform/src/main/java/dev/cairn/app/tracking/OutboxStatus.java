package dev.cairn.app.tracking;

final class OutboxStatus {
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    private OutboxStatus() {
    }
}
