package dev.cairn.api.tenancy;

/**
 * A statement given to the {@link TenantDb} was refused before it reached the database, because
 * the gateway could not guarantee that it stays inside the tenant in scope: plain SQL, a
 * user-defined function, a name that is not a plain identifier, a table without a tenant column,
 * or a change to a row's tenant. The message names what was refused. A programming error, never
 * a user error: nothing was read or written.
 */
public class UnsafeStatementException extends RuntimeException {

    public UnsafeStatementException(String message) {
        super(message);
    }
}
