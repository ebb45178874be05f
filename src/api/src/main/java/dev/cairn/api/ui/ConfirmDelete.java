package dev.cairn.api.ui;


/**
 * Asks before something is deleted, naming it and what deleting means. On "Delete" the action runs;
 * a refusal (for example "baseline X was measured on it") is shown on the given status line, and
 * the success confirmed by a short notice.
 */
public final class ConfirmDelete {

    private ConfirmDelete() {
    }

    /**
     * @param what what is deleted, as the user knows it ("dataset subscribers-2026-10")
     * @param consequence what deleting means, one sentence ("Its lineage stays; the dataset is no longer listed.")
     * @param delete the service call
     * @param onDeleted runs after a successful delete (e.g. refresh the table)
     * @param status where a refusal is shown
     */
    public static Confirmation ask(String what, String consequence, Runnable delete, Runnable onDeleted, StatusLine status) {
        Confirmation dialog = new Confirmation("Delete " + what + "?", consequence, "Delete", () -> {
            if (status.attempt(delete)) {
                Notices.success("Deleted " + what);
                onDeleted.run();
            }
        }).destructive();
        dialog.open();
        return dialog;
    }
}
