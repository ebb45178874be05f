package dev.cairn.app.audit;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.app.db.Tables.TENANT;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.app.audit.TenantChoice.AllTenants;
import dev.cairn.app.audit.TenantChoice.NoTenant;
import dev.cairn.app.audit.TenantChoice.OneTenant;
import dev.cairn.app.tenancy.TenantScope;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log: a tenant admin their own tenant's entries, the platform admin every
 * tenant's and the platform's own. Read only: entries are written by {@link JooqAuditLog} and never
 * changed, so this service has no way to update or delete one.
 * <p>
 * The platform admin reads across tenants on purpose, so this is platform code on the DSL, like the
 * tenant list; the scope is decided here from the signed-in user (never from the filter): a tenant
 * admin's query always carries their principal's tenant.
 */
@Service
public class AuditLogService {

    /** The most rows one page may ask for; the grid asks for far fewer. */
    static final int MAX_PAGE = 500;

    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final PermissionCheck permissions;
    private final AuditLog audit;

    AuditLogService(DSLContext dsl, CurrentUser currentUser, AuditLog audit, PermissionCheck permissions) {
        this.permissions = permissions;
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** True when the signed-in user sees every tenant (the platform admin), so views show a tenant column and filter. */
    public boolean seesAllTenants() {
        return isPlatformAdmin(reader());
    }

    public int count(AuditFilter filter) {
        UserInfo user = reader();
        return read(user, () -> dsl.fetchCount(AUDIT_ENTRY, where(user, filter)));
    }

    /** One page, newest first; the database does the paging. */
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page starts at 0 or later and holds 1 to " + MAX_PAGE + " entries.");
        }
        UserInfo user = reader();
        return read(user, () -> select().where(where(user, filter)).orderBy(AUDIT_ENTRY.AT.desc(), AUDIT_ENTRY.ID.desc())
                .offset(offset).limit(limit).fetch(AuditLogService::entry));
    }

    /** The actions that occur in the entries the user may see, for the action filter. */
    public List<String> actions() {
        UserInfo user = reader();
        return read(user, () -> dsl.selectDistinct(AUDIT_ENTRY.ACTION).from(AUDIT_ENTRY).where(where(user, AuditFilter.everything()))
                .orderBy(AUDIT_ENTRY.ACTION).fetch(AUDIT_ENTRY.ACTION));
    }

    /** The tenant choices of the platform admin's filter; a tenant admin has none to make. */
    public List<TenantChoice> tenantChoices() {
        if (!isPlatformAdmin(reader())) {
            return List.of();
        }
        Stream<TenantChoice> tenants = dsl.select(TENANT.ID, TENANT.SLUG).from(TENANT).orderBy(TENANT.SLUG)
                .fetch(r -> (TenantChoice) new OneTenant(r.value1(), r.value2())).stream();
        return Stream.concat(Stream.of(TenantChoice.ALL, TenantChoice.NONE), tenants).toList();
    }

    /**
     * Writes the filtered entries as CSV, newest first, streamed from a database cursor so that a long
     * log is never held in memory; the export itself is audited.
     */
    @Transactional
    public int exportCsv(AuditFilter filter, OutputStream out) {
        UserInfo user = reader();
        int rows = read(user, () -> {
            try (AuditCsv csv = new AuditCsv(out, isPlatformAdmin(user));
                 var cursor = select().where(where(user, filter)).orderBy(AUDIT_ENTRY.AT.desc(), AUDIT_ENTRY.ID.desc())
                         .fetchSize(500).fetchLazy()) {
                cursor.forEach(record -> csv.write(entry(record)));
                return csv.rows();
            }
        });
        audit.record("audit.export", describe(user, filter), Outcome.SUCCESS, rows + " entries");
        return rows;
    }

    /**
     * The platform admin reads across tenants on purpose (a platform task, like the tenant list;
     * on PostgreSQL row-level security lets only the platform scope do that); a tenant admin's reads
     * stay in the principal's tenant.
     */
    private static <T> T read(UserInfo user, java.util.function.Supplier<T> query) {
        return isPlatformAdmin(user) ? TenantScope.callAsPlatform(query) : query.get();
    }

    private UserInfo reader() {
        // The platform admin reads every tenant's log (a platform task); tenant users by permission.
        UserInfo user = currentUser.require();
        return isPlatformAdmin(user) ? user : permissions.require(PlatformPermissions.READ_AUDIT_LOG);
    }

    private static boolean isPlatformAdmin(UserInfo user) {
        return user.hasRole(Role.PLATFORM_ADMIN) && user.tenantId() == null;
    }

    private static Condition where(UserInfo user, AuditFilter filter) {
        Condition where = scope(user, filter.tenant());
        if (filter.actor() != null) {
            where = where.and(AUDIT_ENTRY.ACTOR.containsIgnoreCase(filter.actor()));
        }
        if (filter.action() != null) {
            where = where.and(AUDIT_ENTRY.ACTION.eq(filter.action()));
        }
        if (filter.target() != null) {
            where = where.and(AUDIT_ENTRY.TARGET.containsIgnoreCase(filter.target()));
        }
        if (filter.from() != null) {
            where = where.and(AUDIT_ENTRY.AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where = where.and(AUDIT_ENTRY.AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        }
        return where;
    }

    /** A tenant admin's scope is the principal's tenant whatever the filter says; only the platform admin chooses. */
    private static Condition scope(UserInfo user, TenantChoice choice) {
        if (!isPlatformAdmin(user)) {
            if (user.tenantId() == null) {
                throw new NoTenantInScopeException("No tenant in scope: the audit log cannot be read");
            }
            return AUDIT_ENTRY.TENANT_ID.eq(user.tenantId());
        }
        return switch (choice) {
            case AllTenants all -> DSL.noCondition();
            case NoTenant none -> AUDIT_ENTRY.TENANT_ID.isNull();
            case OneTenant one -> AUDIT_ENTRY.TENANT_ID.eq(one.id());
        };
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(AUDIT_ENTRY.fields()).select(TENANT.SLUG).from(AUDIT_ENTRY).leftJoin(TENANT).on(TENANT.ID.eq(AUDIT_ENTRY.TENANT_ID));
    }

    private static AuditEntry entry(Record r) {
        return new AuditEntry(r.get(AUDIT_ENTRY.ID), r.get(AUDIT_ENTRY.AT).toInstant(), r.get(AUDIT_ENTRY.TENANT_ID), r.get(TENANT.SLUG),
                r.get(AUDIT_ENTRY.ACTOR), r.get(AUDIT_ENTRY.ACTION), r.get(AUDIT_ENTRY.TARGET), r.get(AUDIT_ENTRY.OUTCOME),
                r.get(AUDIT_ENTRY.DETAIL));
    }

    private static String describe(UserInfo user, AuditFilter filter) {
        StringBuilder what = new StringBuilder(isPlatformAdmin(user) ? filter.tenant().label() : "own tenant");
        if (filter.actor() != null) {
            what.append(", actor ~ ").append(filter.actor());
        }
        if (filter.action() != null) {
            what.append(", action ").append(filter.action());
        }
        if (filter.target() != null) {
            what.append(", target ~ ").append(filter.target());
        }
        if (filter.from() != null) {
            what.append(", from ").append(filter.from());
        }
        if (filter.to() != null) {
            what.append(", to ").append(filter.to());
        }
        return what.toString();
    }
}
