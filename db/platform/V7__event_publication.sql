-- Events between plugins (issue 8, ADR 0011): Spring Modulith's JDBC event publication registry,
-- table layout of its version 2 schema (spring-modulith-events-jdbc 2.0), written portably for H2
-- and PostgreSQL. One row per event and listener: stored in the publishing transaction, completed
-- when that listener finished; a row without completion_date is delivered again.
-- Not a tenant table: the event's tenant is inside serialized_event, and the platform runs each
-- listener in it. Modulith's own schema initializer stays off (Flyway owns the schema).
CREATE TABLE event_publication (
    id                      UUID          NOT NULL PRIMARY KEY,
    listener_id             VARCHAR(512)  NOT NULL,
    event_type              VARCHAR(512)  NOT NULL,
    serialized_event        VARCHAR(4000) NOT NULL,
    publication_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date         TIMESTAMP WITH TIME ZONE,
    status                  VARCHAR(20),
    completion_attempts     INTEGER,
    last_resubmission_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
