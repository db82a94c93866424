-- Each published story: its key (the normalised URL of its first article), the day it was first and last published,
-- and what the digest last said of it (CVE ids, victims, KEV, IOCs...), so that a follow-up on a later day is shown as
-- 続報 with what is new, under the same key.
CREATE TABLE IF NOT EXISTS story (
  story_key   VARCHAR(4096) PRIMARY KEY,
  first_day   DATE NOT NULL,
  last_day    DATE NOT NULL,
  snapshot    TEXT NOT NULL,
  -- what an earlier day said, kept while the day is published again (a revision compares against the day before)
  before_day      DATE,
  before_snapshot TEXT,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS story_last_day ON story(last_day);
