package dev.cairn.api.tenancy;


import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;

/**
 * The one gateway to tenant tables (every table with a tenant_id column). Each call is scoped to
 * the tenant in scope: reads see only its rows, inserts are stamped with it, updates and deletes
 * touch only its rows. With no tenant in scope every call throws {@link NoTenantInScopeException}.
 * Callers never write a tenant_id predicate, and never get a query builder they could widen.
 */
public interface TenantDb {

    <R extends TableRecord<R>> Result<R> fetch(Table<R> table, Condition where, OrderField<?>... orderBy);

    <R extends TableRecord<R>> Optional<R> fetchOptional(Table<R> table, Condition where);

    int count(Table<?> table, Condition where);

    /** A new record of the table, stamped with the current tenant, not yet stored. */
    <R extends UpdatableRecord<R>> R newRecord(Table<R> table);

    /** Inserts the record as the current tenant's (any tenant_id it carried is overwritten). */
    <R extends TableRecord<R>> R insert(R record);

    /** Updates the record's changed fields if the row belongs to the current tenant; returns rows changed. */
    <R extends UpdatableRecord<R>> int update(R record);

    /**
     * Updates the record only when its version column still holds {@code expectedVersion}, and
     * increments it. Returns false when someone else changed the row first.
     */
    <R extends UpdatableRecord<R>> boolean updateVersioned(R record, Field<Integer> versionField, int expectedVersion);

    int update(Table<?> table, Map<? extends Field<?>, ?> values, Condition where);

    int delete(Table<?> table, Condition where);
}
