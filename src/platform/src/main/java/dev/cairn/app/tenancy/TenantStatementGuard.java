package dev.cairn.app.tenancy;

import dev.cairn.api.tenancy.UnsafeStatementException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.Table;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * Seals one statement of the tenant gateway, whatever the caller put into its condition, values or
 * ordering. jOOQ calls it for every part while it renders (and again while it binds) the statement:
 * <ul>
 * <li>every tenant table the statement declares anywhere (joins, subqueries in conditions, update
 * values, ordering) becomes {@code (select * from T where T.TENANT_ID = :tenant) T}; the one
 * exception is the statement's own target, which {@link JooqTenantDb} scopes itself (an UPDATE or
 * DELETE target cannot be a derived table);</li>
 * <li>references to a tenant table's columns are written with the bare table name, so they resolve
 * to that derived table (a schema-qualified reference would not);</li>
 * <li>a declared table that is not a tenant table (the tenant list, the catalogue, a CTE by name) is
 * refused, as are plain SQL, user-defined functions (they could read files or other schemas), and
 * names that are not plain identifiers (names are rendered unquoted, so a name would be SQL).</li>
 * </ul>
 * The guard keeps no state of its own: what it must remember during one rendering lives in that
 * rendering's data map, because jOOQ renders and binds each statement in separate passes.
 */
final class TenantStatementGuard implements VisitListener {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Set<String> PLAIN_SQL_PARTS = Set.of("org.jooq.impl.SQLCondition", "org.jooq.impl.SQLField",
            "org.jooq.impl.SQLFieldSimple", "org.jooq.impl.SQLTable", "org.jooq.impl.SQLQuery", "org.jooq.impl.SQLResultQuery",
            "org.jooq.impl.SQLConcatenationImpl", "org.jooq.impl.Function", "org.jooq.impl.Function1");
    private static final String TARGET_SEEN = "cairn.tenant-guard.target-seen";
    private static final String OWN_PARTS = "cairn.tenant-guard.own-parts";

    private final Table<?> target;
    private final UUID tenant;
    private final TenantTables tenantTables;

    /**
     * @param target the statement's own table, scoped by the gateway itself; every other tenant
     *               table the statement declares is scoped here
     */
    TenantStatementGuard(Table<?> target, UUID tenant, TenantTables tenantTables) {
        this.target = target;
        this.tenant = tenant;
        this.tenantTables = tenantTables;
    }

    @Override
    public void visitStart(VisitContext context) {
        QueryPart part = context.queryPart();
        if (ownParts(context).contains(part)) {
            return;
        }
        refuseUnsafeParts(part);
        if (!(part instanceof Table<?> table)) {
            return;
        }
        if (!context.context().declareTables()) {
            // A qualifier: an alias keeps its own name, and one named like a tenant table renders the same bare.
            if (isNamedTable(table) && tenantTables.isTenantTable(table)) {
                context.queryPart(bare(context, table));
            }
            return;
        }
        Table<?> stored = storedTableOf(table);
        Name alias = stored == table ? null : table.getUnqualifiedName();
        if (!isNamedTable(stored)) {
            return; // derived tables, VALUES, joins: their own parts are visited in turn
        }
        if (alias == null && table == target && context.data().putIfAbsent(TARGET_SEEN, Boolean.TRUE) == null) {
            return;
        }
        context.queryPart(scopedSource(context, stored, alias == null ? DSL.name(table.getName()) : alias));
    }

    private static void refuseUnsafeParts(QueryPart part) {
        // The wrappers the plain-SQL API builds, not jOOQ's own SQL fragments (operators are SQLImpl).
        if (PLAIN_SQL_PARTS.contains(part.getClass().getName())) {
            throw new UnsafeStatementException("Plain SQL and user-defined functions are not allowed in tenant statements: " + part
                    + " (" + part.getClass().getSimpleName() + ")");
        }
        if (part instanceof Name name) {
            for (String piece : name.getName()) {
                if (!IDENTIFIER.matcher(piece).matches()) {
                    throw new UnsafeStatementException("Not a plain identifier in a tenant statement: '" + piece + "'");
                }
            }
        }
    }

    /**
     * The stored table behind an alias: Table.as() wraps most tables, but generated tables (and the
     * implicit joins along their foreign keys) answer as() with a copy of themselves under the new
     * name, which only their record type still ties to the original.
     */
    private static Table<?> storedTableOf(Table<?> table) {
        if (table instanceof QOM.TableAlias<?> alias) {
            return alias.$table();
        }
        if (table instanceof TableImpl<?> && table.newRecord() instanceof org.jooq.TableRecord<?> record && record.getTable() != table
                && !record.getTable().getUnqualifiedName().equals(table.getUnqualifiedName())) {
            return record.getTable();
        }
        return table;
    }

    /** Generated tables and tables made from a name: the ones that denote stored rows. */
    private static boolean isNamedTable(Table<?> table) {
        return table instanceof TableImpl<?>;
    }

    private Table<?> scopedSource(VisitContext context, Table<?> table, Name alias) {
        if (!tenantTables.isTenantTable(table)) {
            throw new UnsafeStatementException("Table " + table.getQualifiedName() + " is not a tenant table: it cannot be used here");
        }
        Table<?> stored = own(context, DSL.table(table.getQualifiedName()));
        var tenantColumn = DSL.field(DSL.name(table.getName(), TenantTables.TENANT_COLUMN), SQLDataType.UUID);
        return own(context, DSL.select(own(context, DSL.asterisk())).from(stored).where(tenantColumn.eq(DSL.val(tenant, SQLDataType.UUID)))
                .asTable(alias));
    }

    private Table<?> bare(VisitContext context, Table<?> table) {
        return own(context, DSL.table(DSL.name(table.getName())));
    }

    private static <T extends QueryPart> T own(VisitContext context, T part) {
        ownParts(context).add(part);
        return part;
    }

    @SuppressWarnings("unchecked")
    private static Set<QueryPart> ownParts(VisitContext context) {
        return (Set<QueryPart>) context.data().computeIfAbsent(OWN_PARTS, key -> Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    @Override
    public void visitEnd(VisitContext context) {
    }

    @Override
    public void clauseStart(VisitContext context) {
    }

    @Override
    public void clauseEnd(VisitContext context) {
    }
}
