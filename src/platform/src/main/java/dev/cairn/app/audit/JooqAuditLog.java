package dev.cairn.app.audit;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Append-only audit entries. Written by the platform itself (entries of the platform admin have no
 * tenant), so it writes through the DSL rather than the tenant gateway; reads go through the gateway.
 */
@Component
public class JooqAuditLog implements AuditLog {

    private final DSLContext dsl;

    JooqAuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(String action, String target, Outcome outcome, String detail) {
        write(TenantScope.current().orElse(null), actor(), action, target, outcome, detail);
    }

    /** For events before a principal exists (a failed login): the caller names actor and tenant. */
    public void write(UUID tenantId, String actor, String action, String target, Outcome outcome, String detail) {
        // A platform write: entries of the platform admin and of failed sign-ins have no tenant.
        TenantScope.runAsPlatform(() -> dsl.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ID, UUID.randomUUID())
                .set(AUDIT_ENTRY.TENANT_ID, tenantId)
                .set(AUDIT_ENTRY.AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, AuditText.clean(actor, 80))
                .set(AUDIT_ENTRY.ACTION, AuditText.clean(action, 60))
                .set(AUDIT_ENTRY.TARGET, AuditText.clean(target, 200))
                .set(AUDIT_ENTRY.OUTCOME, outcome.name())
                .set(AUDIT_ENTRY.DETAIL, AuditText.clean(detail, 1000))
                .execute());
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // Any signed-in user (the platform's principal is one): the audit log sits below security.
        if (auth != null && auth.getPrincipal() instanceof UserDetails principal) {
            return principal.getUsername();
        }
        return "system";
    }
}
