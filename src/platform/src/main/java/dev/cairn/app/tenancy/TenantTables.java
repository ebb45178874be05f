package dev.cairn.app.tenancy;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Which tables are tenant tables: every table, in any schema, with a TENANT_ID column, read from
 * the database's own catalogue once (after Flyway ran), so a plugin's new table is covered the
 * moment it exists. Names are compared without case: generated classes carry H2's upper-case
 * names, PostgreSQL's catalogue lower-case ones.
 */
@Component
public class TenantTables {

    static final String TENANT_COLUMN = "TENANT_ID";

    private final DSLContext dsl;
    private volatile Catalogue catalogue;

    TenantTables(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether a table named like this one (schema-qualified or not) is a tenant table. */
    public boolean isTenantTable(Table<?> table) {
        return catalogue().contains(table.getQualifiedName());
    }

    /** Every tenant table's schema-qualified name, upper case ("SCOPING.CANVAS"). */
    public Set<String> qualifiedNames() {
        return catalogue().qualified();
    }

    /**
     * The tenant column of a tenant table: the generated field itself where the table has one
     * (every query of the application takes this path), else the field of that name in any case.
     */
    @SuppressWarnings("unchecked")
    static Field<UUID> tenantField(Table<?> table) {
        Field<?> generated = table.field(TENANT_COLUMN);
        if (generated != null) {
            return (Field<UUID>) generated;
        }
        for (Field<?> field : table.fields()) {
            if (field.getName().equalsIgnoreCase(TENANT_COLUMN)) {
                return (Field<UUID>) field;
            }
        }
        throw new dev.cairn.api.tenancy.UnsafeStatementException(
                "Table " + table.getName() + " is not a tenant table (no " + TENANT_COLUMN + " column)");
    }

    private Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known == null) {
            known = read();
            catalogue = known;
        }
        return known;
    }

    private Catalogue read() {
        Set<String> qualified = dsl.meta().getTables().stream()
                .filter(table -> table.getSchema() != null)
                .filter(table -> java.util.Arrays.stream(table.fields()).anyMatch(f -> f.getName().equalsIgnoreCase(TENANT_COLUMN)))
                .map(table -> upper(table.getSchema().getName()) + "." + upper(table.getName()))
                .collect(Collectors.toUnmodifiableSet());
        return new Catalogue(qualified, qualified.stream().map(n -> n.substring(n.indexOf('.') + 1)).collect(Collectors.toUnmodifiableSet()));
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private record Catalogue(Set<String> qualified, Set<String> unqualified) {

        /** A name without a schema counts when any schema has a tenant table of that name. */
        boolean contains(Name name) {
            String[] parts = name.getName();
            if (parts.length == 0) {
                return false;
            }
            String table = upper(parts[parts.length - 1]);
            if (parts.length == 1) {
                return unqualified.contains(table);
            }
            return qualified.contains(upper(parts[parts.length - 2]) + "." + table);
        }
    }
}
