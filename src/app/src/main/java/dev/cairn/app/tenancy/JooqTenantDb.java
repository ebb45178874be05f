package dev.cairn.app.tenancy;

import dev.cairn.api.tenancy.TenantDb;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * security). Every statement gets the tenant predicate here and nowhere else.
 */
@Component
class JooqTenantDb implements TenantDb {

    private final DSLContext dsl;

    JooqTenantDb(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <R extends TableRecord<R>> Result<R> fetch(Table<R> table, Condition where, OrderField<?>... orderBy) {
        return dsl.selectFrom(table).where(scoped(table, where)).orderBy(orderBy).fetch();
    }

    @Override
    public <R extends TableRecord<R>> Optional<R> fetchOptional(Table<R> table, Condition where) {
        return dsl.selectFrom(table).where(scoped(table, where)).fetchOptional();
    }

    @Override
    public int count(Table<?> table, Condition where) {
        return dsl.fetchCount(table, scoped(table, where));
    }

    @Override
    public <R extends UpdatableRecord<R>> R newRecord(Table<R> table) {
        R record = dsl.newRecord(table);
        record.set(tenantField(table), TenantScope.require());
        return record;
    }

    @Override
    public <R extends TableRecord<R>> R insert(R record) {
        record.attach(dsl.configuration());
        record.set(tenantField(record.getTable()), TenantScope.require());
        record.insert();
        return record;
    }

    @Override
    public <R extends UpdatableRecord<R>> int update(R record) {
        Table<R> table = record.getTable();
        Field<UUID> tenant = tenantField(table);
        record.changed(tenant, false);
        Map<Field<?>, Object> changes = changedValues(record);
        if (changes.isEmpty()) {
            return 0;
        }
        return dsl.update(table).set(changes).where(scoped(table, primaryKeyCondition(record))).execute();
    }

    @Override
    public <R extends UpdatableRecord<R>> boolean updateVersioned(R record, Field<Integer> versionField, int expectedVersion) {
        Table<R> table = record.getTable();
        record.changed(tenantField(table), false);
        record.set(versionField, expectedVersion + 1);
        Map<Field<?>, Object> changes = changedValues(record);
        Condition where = primaryKeyCondition(record).and(versionField.eq(expectedVersion));
        int updated = dsl.update(table).set(changes).where(scoped(table, where)).execute();
        if (updated == 1) {
            record.changed(false);
            return true;
        }
        record.set(versionField, expectedVersion);
        return false;
    }

    @Override
    public int update(Table<?> table, Map<? extends Field<?>, ?> values, Condition where) {
        Field<UUID> tenant = tenantField(table);
        if (values.keySet().stream().anyMatch(field -> field.getName().equalsIgnoreCase(tenant.getName()))) {
            throw new IllegalArgumentException("The tenant of a row cannot be changed");
        }
        return dsl.update(table).set(values).where(scoped(table, where)).execute();
    }

    @Override
    public int delete(Table<?> table, Condition where) {
        return dsl.deleteFrom(table).where(scoped(table, where)).execute();
    }

    private static Condition scoped(Table<?> table, Condition where) {
        return tenantField(table).eq(TenantScope.require()).and(where == null ? DSL.noCondition() : where);
    }

    /**
     * The tenant column by name, ignoring case: generated classes carry H2's upper-case names, while
     * tables read from PostgreSQL's catalogue (jOOQ's meta) carry lower-case ones.
     */
    @SuppressWarnings("unchecked")
    static Field<UUID> tenantField(Table<?> table) {
        Field<?> generated = table.field("TENANT_ID");
        if (generated != null) {
            return (Field<UUID>) generated; // every query of the application takes this path
        }
        for (Field<?> field : table.fields()) {
            if (field.getName().equalsIgnoreCase("TENANT_ID")) {
                return (Field<UUID>) field;
            }
        }
        throw new IllegalArgumentException("Table " + table.getName() + " is not a tenant table (no TENANT_ID column)");
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
        Map<Field<?>, Object> changes = new java.util.LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            if (record.changed(field)) {
                changes.put(field, record.get(field));
            }
        }
        return changes;
    }
}
