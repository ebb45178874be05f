-- Jobs for long work (issue 8): how many jobs a tenant may run at once, over all nodes, as its
-- tenant admin set it; NULL means the platform's cairn.jobs.tenant-limit. On the tenant's own
-- row (not a tenant table): the job runner locks that row while it claims, so two nodes never
-- start more of a tenant's jobs than its limit between them.
ALTER TABLE tenant ADD COLUMN job_limit INTEGER;
ALTER TABLE tenant ADD CONSTRAINT tenant_job_limit_at_least_one CHECK (job_limit IS NULL OR job_limit >= 1);

-- The queue of one tenant, oldest first: what the runner claims from and the Jobs page numbers.
CREATE INDEX job_tenant_queue ON job (tenant_id, status, created_at);
