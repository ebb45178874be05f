-- Several nodes on one database (issue 7, section 3).
-- A running job's owner (claimed_by, already there) writes heartbeat_at while it runs; a job whose
-- heartbeat is older than cairn.jobs.dead-after is dead and is marked failed by any node.
ALTER TABLE job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX job_running_heartbeat ON job (status, heartbeat_at);

-- An outbox record is delivered by the one sender that claimed it; the claim is a lease, so a
-- sender that died while delivering leaves a record that another sender takes over once it expires.
ALTER TABLE tracking_outbox ADD COLUMN claimed_by VARCHAR(80);
ALTER TABLE tracking_outbox ADD COLUMN claim_expires_at TIMESTAMP WITH TIME ZONE;
