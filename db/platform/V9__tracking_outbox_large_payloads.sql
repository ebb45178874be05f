-- Runs now carry metric series, dataset inputs and artefact references (issue 8): a payload can
-- reach a million characters (OutboxPayloads.MAX_PAYLOAD). Artefact bytes stay in the file store.
ALTER TABLE tracking_outbox ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);
