-- A job acts as the user who started it (issue 8): the runner signs that user in for the job's
-- thread, so permission checks, the audit log and the runs it records (mlflow.user) name them.
-- started_by: the user; acting_roles: the roles they acted with when they started it (a
-- space-separated list; the job never acts with more, even if the user gained roles since);
-- permission_scope: the permission ids of the API token it was started with, when the token was
-- scoped to permissions (space-separated), else null. Jobs from before this have no starter and
-- run with nobody signed in, as they did.
ALTER TABLE job ADD COLUMN started_by UUID REFERENCES app_user (id);
ALTER TABLE job ADD COLUMN acting_roles VARCHAR(200);
ALTER TABLE job ADD COLUMN permission_scope VARCHAR(4000);
