package dev.cairn.app.tenancy;

import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.api.tenancy.UnsafeStatementException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Attachable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The one place where tenant isolation is enforced on every database (H2 has no row-level
 * security). Each call builds one statement on its own table, adds the tenant predicate to that
 * table, and runs it through a {@link TenantStatementGuard}, which scopes every other tenant table
 * the caller's condition, values or ordering bring in, and refuses what it cannot scope. Records
 * leave here detached: they cannot reach the connection, nor store, refresh or delete themselves.
 * What this guarantees and what it cannot: docs/adr/0002-tenancy-gateway.md.
 */
@Component
class JooqTenantDb implements TenantDb {

    private final DSLContext dsl;
    private final TenantTables tenantTables;

    JooqTenantDb(DSLContext dsl, TenantTables tenantTables) {
        this.dsl = dsl;
        this.tenantTables = tenantTables;
    }

    @Override
    public <R extends TableRecord<R>> Result<R> fetch(Table<R> table, Condition where, OrderField<?>... orderBy) {
        Result<R> result = guarded(table).selectFrom(table).where(scoped(table, where)).orderBy(orderBy).fetch();
        result.detach();
        return result;
    }

    @Override
    public <R extends TableRecord<R>> Optional<R> fetchOptional(Table<R> table, Condition where) {
        Optional<R> found = guarded(table).selectFrom(table).where(scoped(table, where)).fetchOptional();
        found.ifPresent(record -> ((Attachable) record).detach());
        return found;
    }

    @Override
    public int count(Table<?> table, Condition where) {
        // count(column), not count(*): jOOQ writes the asterisk as plain SQL, which the guard refuses.
        return guarded(table).select(DSL.count(TenantTables.tenantField(table))).from(table).where(scoped(table, where)).fetchOne(0, int.class);
    }

    @Override
    public <R extends UpdatableRecord<R>> R newRecord(Table<R> table) {
        requireTenantTable(table);
        R record = table.newRecord();
        record.detach();
        record.set(TenantTables.tenantField(table), TenantScope.require());
        return record;
    }

    @Override
    public <R extends TableRecord<R>> R insert(R record) {
        Table<R> table = record.getTable();
        record.set(TenantTables.tenantField(table), TenantScope.require());
        record.attach(guarded(table).configuration());
        try {
            record.insert();
        } finally {
            record.detach();
        }
        return record;
    }

    @Override
    public <R extends UpdatableRecord<R>> int update(R record) {
        Table<R> table = record.getTable();
        record.changed(TenantTables.tenantField(table), false);
        Map<Field<?>, Object> changes = changedValues(record);
        if (changes.isEmpty()) {
            return 0;
        }
        return guarded(table).update(table).set(changes).where(scoped(table, primaryKeyCondition(record))).execute();
    }

    @Override
    public <R extends UpdatableRecord<R>> boolean updateVersioned(R record, Field<Integer> versionField, int expectedVersion) {
        Table<R> table = record.getTable();
        record.changed(TenantTables.tenantField(table), false);
        record.set(versionField, expectedVersion + 1);
        Map<Field<?>, Object> changes = changedValues(record);
        Condition where = primaryKeyCondition(record).and(versionField.eq(expectedVersion));
        int updated = guarded(table).update(table).set(changes).where(scoped(table, where)).execute();
        if (updated == 1) {
            record.changed(false);
            return true;
        }
        record.set(versionField, expectedVersion);
        return false;
    }

    @Override
    public int update(Table<?> table, Map<? extends Field<?>, ?> values, Condition where) {
        requireOwnColumns(table, values);
        return guarded(table).update(table).set(values).where(scoped(table, where)).execute();
    }

    @Override
    public int delete(Table<?> table, Condition where) {
        return guarded(table).deleteFrom(table).where(scoped(table, where)).execute();
    }

    /** A DSL whose statements are sealed by a guard that knows this statement's own table and tenant. */
    private DSLContext guarded(Table<?> table) {
        UUID tenant = TenantScope.require();
        requireTenantTable(table);
        return DSL.using(dsl.configuration().deriveAppending(new TenantStatementGuard(table, tenant, tenantTables)));
    }

    private void requireTenantTable(Table<?> table) {
        if (!tenantTables.isTenantTable(table)) {
            throw new UnsafeStatementException("Table " + table.getQualifiedName() + " is not a tenant table");
        }
    }

    /**
     * Keys of an update must be the table's own column objects, not fields that merely carry a
     * similar name (names render unquoted, so a crafted name could be any SQL), and never the tenant.
     */
    private static void requireOwnColumns(Table<?> table, Map<? extends Field<?>, ?> values) {
        Field<UUID> tenant = TenantTables.tenantField(table);
        for (Field<?> key : values.keySet()) {
            boolean own = key instanceof TableField<?, ?> && Arrays.stream(table.fields()).anyMatch(f -> f == key);
            if (!own) {
                throw new UnsafeStatementException("Not a column of " + table.getName() + ": " + key.getName());
            }
            if (key == tenant || key.getName().equalsIgnoreCase(TenantTables.TENANT_COLUMN)) {
                throw new UnsafeStatementException("The tenant of a row cannot be changed");
            }
        }
    }

    private static Condition scoped(Table<?> table, Condition where) {
        return TenantTables.tenantField(table).eq(TenantScope.require()).and(where == null ? DSL.noCondition() : where);
    }

    private static <R extends UpdatableRecord<R>> Condition primaryKeyCondition(R record) {
        Condition condition = DSL.noCondition();
        for (TableField<R, ?> key : record.getTable().getPrimaryKey().getFields()) {
            condition = condition.and(equal(key, record.get(key)));
        }
        return condition;
    }

    @SuppressWarnings("unchecked")
    private static <T> Condition equal(Field<T> field, Object value) {
        return field.eq((T) value);
    }

    private static Map<Field<?>, Object> changedValues(Record record) {
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            if (record.changed(field)) {
                changes.put(field, record.get(field));
            }
        }
        return changes;
    }
}
