package dev.cairn.api.audit;

/** Writes audit entries (UTC time, actor, tenant, target, outcome) for decisions and security events. */
public interface AuditLog {

    void record(String action, String target, Outcome outcome, String detail);

    enum Outcome { SUCCESS, FAILURE, DENIED }
}
