package dev.cairn.app.tenancy.postgres;

import dev.cairn.app.tenancy.TenantScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.tools.jdbc.DefaultConnection;

/**
 * PostgreSQL's half of tenant isolation: before each statement, sets the transaction-local
 * settings that the row-level security policies read (cairn.tenant_id from {@link TenantScope},
 * cairn.platform for the platform's own cross-tenant tasks), on the statement's own connection.
 *
 * <p>Transaction-local ({@code set_config(..., true)}) so that a setting can never outlive its
 * transaction and reach the next borrower of a pooled connection. Inside a Spring-managed
 * transaction the setting is made again before every statement, so a change of scope within the
 * transaction (a platform step, then one tenant's work) is honoured. A connection in auto-commit
 * mode has no transaction to hold the setting, so the statement gets a short one of its own:
 * auto-commit off, set, execute, commit, auto-commit back on. Its results are read in full at
 * execution (fetch size 0, as in auto-commit mode), so the commit cannot cut a cursor short.
 *
 * <p>Does nothing on other databases: H2 has no row-level security; the tenant gateway is the wall there.
 */
final class TenantSettingListener implements ExecuteListener {

    private static final String OWN_TRANSACTION = TenantSettingListener.class.getName() + ".ownTransaction";
    private static final String SET = "select set_config('cairn.tenant_id', ?, true), set_config('cairn.platform', ?, true)";

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (ctx.family() != SQLDialect.POSTGRES) {
            return;
        }
        Connection connection = unwrapped(ctx.connection());
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                ctx.data(OWN_TRANSACTION, connection);
                if (ctx.statement() != null) {
                    ctx.statement().setFetchSize(0);
                }
            }
            set(connection, TenantScope.current().map(UUID::toString).orElse(""), TenantScope.platformInScope() ? "on" : "");
        } catch (SQLException e) {
            throw new DataAccessException("Cannot set the tenant of the statement's transaction", e);
        }
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (ctx.data(OWN_TRANSACTION) instanceof Connection connection) {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new DataAccessException("Cannot commit the statement's own transaction", e);
            }
            endOwnTransaction(ctx, connection);
        }
    }

    @Override
    public void exception(ExecuteContext ctx) {
        if (ctx.data(OWN_TRANSACTION) instanceof Connection connection) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                if (ctx.exception() != null) {
                    ctx.exception().addSuppressed(e); // the statement's own failure is what the caller must see
                }
            }
            endOwnTransaction(ctx, connection);
        }
    }

    static void set(Connection connection, String tenant, String platform) throws SQLException {
        try (var statement = connection.prepareStatement(SET)) {
            statement.setString(1, tenant);
            statement.setString(2, platform);
            statement.execute();
        }
    }

    private static void endOwnTransaction(ExecuteContext ctx, Connection connection) {
        ctx.data().remove(OWN_TRANSACTION);
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new DataAccessException("Cannot restore auto-commit after the statement's own transaction", e);
        }
    }

    /**
     * The connection the connection provider handed out. jOOQ's own wrappers give it back to the
     * provider when a statement made through them is closed, which must not happen to ours.
     */
    private static Connection unwrapped(Connection connection) {
        Connection current = connection;
        while (current instanceof DefaultConnection wrapper) {
            current = wrapper.getDelegate();
        }
        return current;
    }
}
