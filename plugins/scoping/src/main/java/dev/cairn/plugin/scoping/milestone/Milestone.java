package dev.cairn.plugin.scoping.milestone;

import java.time.LocalDate;

/** A milestone of the project plan: what, who, when, how much effort, and where it stands. */
public record Milestone(String title, String owner, LocalDate startsOn, LocalDate dueOn, Double effortDays, Status status, String notes) {

    public enum Status { PLANNED, IN_PROGRESS, AT_RISK, DONE }

    void validate() {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A milestone needs a title.");
        }
        if (title.strip().length() > 200) {
            throw new IllegalArgumentException("The title has at most 200 characters.");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("Choose who owns the milestone.");
        }
        if (startsOn == null || dueOn == null) {
            throw new IllegalArgumentException("Give the milestone a start date and a due date.");
        }
        if (dueOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("The due date (" + dueOn + ") is before the start date (" + startsOn + ").");
        }
        if (effortDays == null || !Double.isFinite(effortDays) || effortDays < 0) {
            throw new IllegalArgumentException("Give the effort in person-days (0 or more).");
        }
        if (status == null) {
            throw new IllegalArgumentException("Choose the milestone's status.");
        }
        if (notes != null && notes.strip().length() > 2000) {
            throw new IllegalArgumentException("Notes have at most 2000 characters.");
        }
    }
}
