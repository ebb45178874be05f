package dev.cairn.app.security;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.TENANT;

import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The shared record of which sessions still count, read on every request by
 * {@link SessionValidityFilter}. Platform data outside the tenant gateway, like the login itself:
 * the check runs before any tenant is in scope.
 */
@Component
public class SessionRevocations {

    private final DSLContext dsl;

    SessionRevocations(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Ends every session the user has now, on every node: each is refused at its next request. */
    public void revokeSessionsOf(UUID userId) {
        TenantScope.runAsPlatform(() -> dsl.update(APP_USER).set(APP_USER.SESSIONS_VALID_AFTER, OffsetDateTime.now(ZoneOffset.UTC))
                .where(APP_USER.ID.eq(userId)).execute());
    }

    /** True while the principal's user and tenant are enabled and its session was not revoked since. */
    boolean stillValid(CairnPrincipal principal) {
        return endOf(principal).isEmpty();
    }

    /** Why the principal's session no longer counts: disabled (user, tenant, or user gone) or ended; empty while valid. */
    java.util.Optional<dev.cairn.app.security.SignedOutNotice> endOf(CairnPrincipal principal) {
        // A platform read: the platform admin's own row belongs to no tenant.
        var row = TenantScope.callAsPlatform(() -> dsl.select(APP_USER.ENABLED, DSL.coalesce(TENANT.ENABLED, true), APP_USER.SESSIONS_VALID_AFTER)
                .from(APP_USER).leftJoin(TENANT).on(TENANT.ID.eq(APP_USER.TENANT_ID))
                .where(APP_USER.ID.eq(principal.id()))
                .fetchOne());
        if (row == null || !row.value1() || !row.value2()) {
            return java.util.Optional.of(dev.cairn.app.security.SignedOutNotice.DISABLED);
        }
        OffsetDateTime validAfter = row.value3();
        boolean revoked = validAfter != null && principal.loadedAt().isBefore(validAfter.toInstant());
        return revoked ? java.util.Optional.of(dev.cairn.app.security.SignedOutNotice.ENDED) : java.util.Optional.empty();
    }
}
