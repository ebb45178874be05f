package dev.cairn.app.audit;

import java.time.Instant;

/**
 * What to show of the audit log. Actor and target match any part, ignoring case; action matches
 * exactly; the time range includes {@code from} and excludes {@code to}. Blank or null parts do not
 * filter.
 */
public record AuditFilter(TenantChoice tenant, String actor, String action, String target, Instant from, Instant to) {

    public AuditFilter {
        tenant = tenant == null ? TenantChoice.ALL : tenant;
        actor = blankToNull(actor);
        action = blankToNull(action);
        target = blankToNull(target);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The end of the time range (" + to + ") must be after its start (" + from + ").");
        }
    }

    public static AuditFilter everything() {
        return new AuditFilter(TenantChoice.ALL, null, null, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
