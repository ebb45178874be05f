package dev.cairn.plugin.data.recipepage;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a recipe run stands, as the recipes page shows it.
 *
 * @param kind        what the run does
 * @param recipeId    the recipe (null for a new recipe's first fit until it succeeded)
 * @param recipeName  the recipe's name
 * @param title       what it does in words ("Fit clean on v2")
 * @param progress    0 to 1
 * @param message     the job's progress text, or why it failed
 * @param resultId    FIT: the recipe version made; APPLY: the dataset version written; null before it is DONE
 */
public record RunState(UUID id, Kind kind, UUID recipeId, String recipeName, String title, Status status, double progress, String message,
                       UUID resultId, String requestedBy, OffsetDateTime requestedAt) {

    public enum Kind { FIT, APPLY }

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean pending() {
            return this == QUEUED || this == RUNNING;
        }
    }
}
