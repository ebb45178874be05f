package dev.cairn.app.tenancy;

import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.app.security.CairnPrincipal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenant in scope. It comes from the signed-in principal, or, for background work, from an
 * explicit {@link #runAs} with the tenant of the job's own record; never from request input. The
 * explicit scope is cleared in a finally block, so a pooled thread never carries one tenant's
 * scope into another's work.
 */
public final class TenantScope {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();

    private TenantScope() {
    }

    public static Optional<UUID> current() {
        UUID explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof CairnPrincipal principal) {
            return Optional.ofNullable(principal.tenantId());
        }
        return Optional.empty();
    }

    public static UUID require() {
        return current().orElseThrow(() -> new NoTenantInScopeException("No tenant in scope: tenant data cannot be used"));
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        if (tenantId == null) {
            throw new NoTenantInScopeException("A job or task without a tenant cannot run");
        }
        UUID previous = EXPLICIT.get();
        EXPLICIT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }
}
