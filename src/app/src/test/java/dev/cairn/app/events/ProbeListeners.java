package dev.cairn.app.events;

import static dev.cairn.app.db.Tables.PROJECT;

import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener declared as a plugin declares one (Spring's annotations and cairn-api types only). It
 * records, per event marker, what it saw: the tenant in scope, the tenants of the projects it can
 * read through the gateway and with a raw statement (which only PostgreSQL's row-level security
 * narrows), and how often it was called. Markers starting with "fail-once" make its first call throw.
 */
@Component
public class ProbeListeners {

    /** What one delivery saw. */
    public record Seen(UUID tenantInScope, Set<UUID> gatewayTenants, Set<UUID> rawTenants, String thread) {
    }

    static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private final TenantDb db;
    private final DSLContext dsl;

    ProbeListeners(TenantDb db, DSLContext dsl) {
        this.db = db;
        this.dsl = dsl;
    }

    @Async
    @TransactionalEventListener
    public void on(ProbeEvent event) {
        int call = CALLS.computeIfAbsent(event.marker(), m -> new AtomicInteger()).incrementAndGet();
        if (event.marker().startsWith("fail-once") && call == 1) {
            throw new IllegalStateException("the listener's first attempt fails");
        }
        Set<UUID> gateway = Set.copyOf(db.fetch(PROJECT, DSL.noCondition()).getValues(PROJECT.TENANT_ID));
        Set<UUID> raw = Set.copyOf(dsl.selectDistinct(PROJECT.TENANT_ID).from(PROJECT).fetch(PROJECT.TENANT_ID));
        SEEN.put(event.marker(), new Seen(TenantScope.current().orElse(null), gateway, raw, Thread.currentThread().getName()));
    }
}
