-- The instances that share the state: each one's row, its heartbeat on the database clock, for status.
CREATE TABLE IF NOT EXISTS instance (
  owner        VARCHAR(64) PRIMARY KEY,
  host         VARCHAR(255),
  pid          BIGINT,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL);
