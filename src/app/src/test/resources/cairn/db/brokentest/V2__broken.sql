-- Fails on every database: the column does not exist.
CREATE INDEX thing_missing ON brokentest.thing (no_such_column);
