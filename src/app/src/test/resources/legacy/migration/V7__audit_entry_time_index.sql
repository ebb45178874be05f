-- The audit log view pages the platform admin's all-tenant list newest first: an index on the
-- time alone serves it (audit_entry_tenant_at serves a tenant admin's list).
CREATE INDEX audit_entry_at ON audit_entry (at);
