package dev.cairn.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tenancy.NoTenantInScopeException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    @Test
    void withNoTenantInScopeTenantDataFailsClosed() {
        assertThat(TenantScope.current()).isEmpty();
        assertThatThrownBy(TenantScope::require).isInstanceOf(NoTenantInScopeException.class);
    }

    @Test
    void aJobWithoutATenantCannotRun() {
        assertThatThrownBy(() -> TenantScope.runAs(null, () -> { })).isInstanceOf(NoTenantInScopeException.class);
    }

    @Test
    void aPooledThreadUsedByTenantBNeverCarriesBIntoTenantAsWork() throws Exception {
        UUID tenantA = UUID.randomUUID();
        UUID tenantB = UUID.randomUUID();
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            assertThat(single.submit(() -> TenantScope.callAs(tenantB, TenantScope::require)).get()).isEqualTo(tenantB);
            assertThat(single.submit(TenantScope::current).get()).isEmpty();
            assertThat(single.submit(() -> TenantScope.callAs(tenantA, TenantScope::require)).get()).isEqualTo(tenantA);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void theScopeIsRestoredEvenWhenTheWorkFails() {
        UUID tenant = UUID.randomUUID();
        assertThatThrownBy(() -> TenantScope.runAs(tenant, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(TenantScope.current()).isEmpty();
    }
}
