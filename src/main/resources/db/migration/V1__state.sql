-- The state as the releases before Flyway made it, in SQL that H2 (PostgreSQL mode) and PostgreSQL both run.
-- Every statement is idempotent: on a state made by an earlier release (baselined at version 0) it adds what that
-- release lacked and leaves the rest, with all its rows, as it was.

CREATE TABLE IF NOT EXISTS article (
  article_key  VARCHAR(4096) PRIMARY KEY,
  feed_id      VARCHAR(200) NOT NULL,
  item_day     DATE NOT NULL,
  status       VARCHAR(10) NOT NULL,
  owner        VARCHAR(64),
  lease_until  TIMESTAMP WITH TIME ZONE,
  fence        BIGINT NOT NULL DEFAULT 0,
  attempts     INT NOT NULL DEFAULT 0,
  kind         VARCHAR(10),
  item         TEXT,
  revision     INT,
  first_seen   TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS article_day ON article(item_day, status);
-- the entry itself, so that an article recorded but not finished is taken again from the state
ALTER TABLE article ADD COLUMN IF NOT EXISTS section VARCHAR(10);
ALTER TABLE article ADD COLUMN IF NOT EXISTS url VARCHAR(4096);
ALTER TABLE article ADD COLUMN IF NOT EXISTS title VARCHAR(1000);
ALTER TABLE article ADD COLUMN IF NOT EXISTS description TEXT;
ALTER TABLE article ADD COLUMN IF NOT EXISTS published_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE IF NOT EXISTS digest (
  digest_day   DATE NOT NULL,
  revision     INT NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (digest_day, revision));
ALTER TABLE digest ADD COLUMN IF NOT EXISTS json TEXT;
ALTER TABLE digest ADD COLUMN IF NOT EXISTS markdown TEXT;

CREATE TABLE IF NOT EXISTS delivery (
  idem_key     VARCHAR(200) NOT NULL,
  channel      VARCHAR(20) NOT NULL,
  digest_day   DATE NOT NULL,
  revision     INT NOT NULL,
  status       VARCHAR(12) NOT NULL,
  resend       BOOLEAN NOT NULL DEFAULT FALSE,
  attempts     INT NOT NULL DEFAULT 0,
  permanent    BOOLEAN NOT NULL DEFAULT FALSE,
  last_error   VARCHAR(1000),
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (idem_key, channel));

CREATE TABLE IF NOT EXISTS feed_status (
  feed_id              VARCHAR(200) PRIMARY KEY,
  last_poll            TIMESTAMP WITH TIME ZONE,
  last_success         TIMESTAMP WITH TIME ZONE,
  ok                   BOOLEAN NOT NULL,
  error                VARCHAR(1000),
  consecutive_failures INT NOT NULL DEFAULT 0);
ALTER TABLE feed_status ADD COLUMN IF NOT EXISTS etag VARCHAR(500);
ALTER TABLE feed_status ADD COLUMN IF NOT EXISTS last_modified VARCHAR(100);
ALTER TABLE feed_status ADD COLUMN IF NOT EXISTS new_items INT;

CREATE TABLE IF NOT EXISTS llm_usage (
  usage_day      DATE PRIMARY KEY,
  calls          INT NOT NULL DEFAULT 0,
  input_tokens   BIGINT NOT NULL DEFAULT 0,
  output_tokens  BIGINT NOT NULL DEFAULT 0,
  budget_reached BOOLEAN NOT NULL DEFAULT FALSE);
