-- Sessions end on every node (docs/adr/0007-sessions-checked-per-request.md): every request of a
-- signed-in user is checked against this row. A session that began before sessions_valid_after
-- (set when an admin disables the user or changes their roles) is refused on whichever node it
-- arrives. NULL: no session of the user has been revoked.
ALTER TABLE app_user ADD COLUMN sessions_valid_after TIMESTAMP WITH TIME ZONE;
