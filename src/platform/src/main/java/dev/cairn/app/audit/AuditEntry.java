package dev.cairn.app.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit entry as read back: when (UTC), in which tenant (none for platform-level events), who did what to what, and how it went. */
public record AuditEntry(UUID id, Instant at, UUID tenantId, String tenantSlug, String actor, String action, String target,
                         String outcome, String detail) {
}
