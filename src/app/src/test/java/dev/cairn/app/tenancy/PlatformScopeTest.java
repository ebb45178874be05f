package dev.cairn.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The platform scope that PostgreSQL's row-level security lets read across tenants: set only inside
 * an explicit call, never carried into one tenant's work or into a pooled thread's next task, and
 * used by a short, known list of platform classes (a new caller must be added here on purpose).
 */
class PlatformScopeTest {

    /** Every class that may act across tenants, and why (see db/postgresql/README.md). */
    private static final Set<String> PLATFORM_TASKS = Set.of(
            "dev.cairn.app.security.CairnUserDetailsService",  // sign-in: the user is found before the tenant is known
            "dev.cairn.app.admin.PlatformAdminBootstrap",      // the platform admin belongs to no tenant
            "dev.cairn.app.admin.TenantAdminService",          // the platform admin ends the sessions of a disabled tenant's users
            "dev.cairn.app.admin.UserAdminService",            // usernames are unique across tenants
            "dev.cairn.app.audit.JooqAuditLog",                // entries without a tenant (platform admin, failed sign-ins)
            "dev.cairn.app.audit.AuditLogService",             // the platform admin reads every tenant's entries
            "dev.cairn.app.security.SessionRevocations",       // every request's session check, the platform admin's included
            "dev.cairn.app.jobs.JobRunner",                    // claims jobs of every tenant, runs each in its own
            "dev.cairn.app.tracking.OutboxSender",             // scans every tenant's outbox, delivers each in its own
            "dev.cairn.app.demo.DemoData",                     // demo seeding signs demo users in
            "dev.cairn.app.demo.DemoPasswordGuard",            // checks the demo accounts of every tenant
            "dev.cairn.app.api.ApiTokenAuthenticator");        // an API token is found by its hash before the tenant is known

    @Test
    void thePlatformScopeHoldsOnlyInsideTheCallAndIsRestoredAfterAFailure() {
        assertThat(TenantScope.platformInScope()).isFalse();
        assertThat(TenantScope.callAsPlatform(TenantScope::platformInScope)).isTrue();
        assertThatThrownBy(() -> TenantScope.runAsPlatform(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(TenantScope.platformInScope()).isFalse();
    }

    @Test
    void oneTenantsWorkStartedFromAPlatformTaskIsNotAPlatformTask() {
        UUID tenant = UUID.randomUUID();
        TenantScope.runAsPlatform(() -> {
            assertThat(TenantScope.callAs(tenant, TenantScope::platformInScope)).isFalse();
            assertThat(TenantScope.callAs(tenant, TenantScope::require)).isEqualTo(tenant);
            assertThat(TenantScope.platformInScope()).as("restored after the tenant's work").isTrue();
        });
    }

    @Test
    void aPooledThreadNeverCarriesThePlatformScopeIntoItsNextTask() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            assertThat(single.submit(() -> TenantScope.callAsPlatform(TenantScope::platformInScope)).get()).isTrue();
            assertThat(single.submit(TenantScope::platformInScope).get()).isFalse();
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void onlyTheKnownPlatformTasksEnterThePlatformScope() {
        var classes = dev.cairn.app.architecture.MainClasses.get();
        Set<String> callers = classes.get(TenantScope.class).getMethodCallsToSelf().stream()
                .filter(call -> call.getTarget().getName().equals("callAsPlatform") || call.getTarget().getName().equals("runAsPlatform"))
                .map(call -> topLevel(call.getOriginOwner()))
                .filter(name -> !name.equals(TenantScope.class.getName()))
                .collect(Collectors.toSet());
        assertThat(callers).containsExactlyInAnyOrderElementsOf(PLATFORM_TASKS);
    }

    private static String topLevel(JavaClass owner) {
        JavaClass current = owner;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current.getName();
    }
}
