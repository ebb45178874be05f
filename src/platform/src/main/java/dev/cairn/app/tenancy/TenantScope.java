package dev.cairn.app.tenancy;

import dev.cairn.api.tenancy.NoTenantInScopeException;
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
 *
 * <p>A few platform tasks read or write across tenants on purpose (sign-in before a tenant is
 * known, tenant administration, claiming jobs and outbox records of every tenant, the audit
 * writer, bootstrap and demo seeding). They say so with {@link #callAsPlatform}, which PostgreSQL's
 * row-level security honours (see db/postgresql/README.md); the tenant gateway does not, so plugin
 * code gains nothing from it, and plugins cannot reach this class anyway. Work run for one tenant
 * ({@link #callAs}) is never a platform task, even when started from one.
 */
public final class TenantScope {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> PLATFORM = new ThreadLocal<>();

    private TenantScope() {
    }

    public static Optional<UUID> current() {
        UUID explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof TenantMember principal) {
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
        Boolean previousPlatform = PLATFORM.get();
        EXPLICIT.set(tenantId);
        PLATFORM.remove();
        try {
            return work.get();
        } finally {
            restore(EXPLICIT, previous);
            restore(PLATFORM, previousPlatform);
        }
    }

    /** True inside {@link #callAsPlatform} (and not inside a tenant's work started from there). */
    public static boolean platformInScope() {
        return Boolean.TRUE.equals(PLATFORM.get());
    }

    /**
     * Runs a platform task that reads or writes across tenants on purpose. Keep the work narrow: one
     * query or one platform operation, never a plugin's code.
     */
    public static <T> T callAsPlatform(Supplier<T> work) {
        Boolean previous = PLATFORM.get();
        PLATFORM.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            restore(PLATFORM, previous);
        }
    }

    public static void runAsPlatform(Runnable work) {
        callAsPlatform(() -> {
            work.run();
            return null;
        });
    }

    private static <T> void restore(ThreadLocal<T> local, T previous) {
        if (previous == null) {
            local.remove();
        } else {
            local.set(previous);
        }
    }
}
