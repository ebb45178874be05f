package dev.cairn.app.admin;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.TENANT;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.db.tables.records.TenantRecord;
import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform admin manages tenants: create (with the first tenant admin), list, disable. The
 * tenant table itself is platform data; the first admin is written inside the new tenant's scope.
 */
@Service
public class TenantAdminService {

    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final UserAdminService users;
    private final SessionTerminator sessions;
    private final AuditLog audit;

    TenantAdminService(DSLContext dsl, CurrentUser currentUser, UserAdminService users, SessionTerminator sessions,
                       AuditLog audit) {
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
    }

    public List<TenantRecord> list() {
        requirePlatformAdmin("list tenants");
        return dsl.selectFrom(TENANT).orderBy(TENANT.NAME).fetch();
    }

    @Transactional
    public UUID create(String name, String slug, String adminUsername, String adminDisplayName, String adminPassword) {
        requirePlatformAdmin("create tenants");
        String cleanName = TenantInput.name(name);
        String cleanSlug = TenantInput.slug(slug);
        if (dsl.fetchExists(TENANT, TENANT.SLUG.eq(cleanSlug))) {
            throw new IllegalArgumentException("Slug " + cleanSlug + " is already used by another tenant.");
        }
        UUID tenantId = UUID.randomUUID();
        dsl.insertInto(TENANT)
                .set(TENANT.ID, tenantId)
                .set(TENANT.SLUG, cleanSlug)
                .set(TENANT.NAME, cleanName)
                .set(TENANT.ENABLED, true)
                .set(TENANT.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
        TenantScope.runAs(tenantId, () -> users.insertUser(adminUsername, adminDisplayName, adminPassword, Set.of(Role.TENANT_ADMIN)));
        // Recorded in the new tenant's scope, so that its admins see who created it (SECURITY.md 13).
        TenantScope.runAs(tenantId, () -> audit.record("tenant.create", cleanSlug, Outcome.SUCCESS, "first admin " + adminUsername));
        return tenantId;
    }

    @Transactional
    public void setEnabled(UUID tenantId, boolean enabled) {
        requirePlatformAdmin("enable or disable tenants");
        TenantRecord tenant = dsl.selectFrom(TENANT).where(TENANT.ID.eq(tenantId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Tenant"));
        dsl.update(TENANT).set(TENANT.ENABLED, enabled).where(TENANT.ID.eq(tenantId)).execute();
        if (!enabled) {
            TenantScope.callAsPlatform(() -> dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.TENANT_ID.eq(tenantId))
                    .fetch(APP_USER.ID)).forEach(sessions::endSessionsOf);
        }
        TenantScope.runAs(tenantId, () -> audit.record(enabled ? "tenant.enable" : "tenant.disable", tenant.getSlug(), Outcome.SUCCESS, null));
    }

    private void requirePlatformAdmin(String action) {
        Permissions.requireAnyRole(currentUser, action, Role.PLATFORM_ADMIN);
    }
}
