package dev.cairn.plugin.data.selection;

/** A ranking stopped because its job was cancelled. */
final class RankingCancelledException extends RuntimeException {

    RankingCancelledException() {
        super("Cancelled");
    }
}
