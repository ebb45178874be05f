-- A deleted user stays as a tombstone (ADR 0016): the row keeps its id, so what the user wrote,
-- approved or uploaded still names an existing user ("Deleted user"), while the username, name
-- and password are erased. deleted_at marks the tombstone; the admin's list no longer shows it.
ALTER TABLE app_user ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
