-- What the digests publish for threat-intelligence platforms, kept in the state so that every instance of a fleet serves
-- the same TAXII collection and MISP feed (the files under digest.output.dir are copies for a wiki or a web server).

-- Every version of every STIX 2.1 object a published revision carried, once: an object whose content did not change is
-- not stored again. version: the object's modified (SDOs, SROs), else its created (marking definitions), else the time it
-- was first added (cyber-observables, which have neither). date_added only grows, over the whole table (stix_clock).
CREATE TABLE IF NOT EXISTS stix_object (
  object_id    VARCHAR(300) NOT NULL,
  version      VARCHAR(40) NOT NULL,
  object_type  VARCHAR(100) NOT NULL,
  date_added   TIMESTAMP WITH TIME ZONE NOT NULL,
  digest_day   DATE NOT NULL,
  revision     INT NOT NULL,
  content      TEXT NOT NULL,
  PRIMARY KEY (object_id, version));
CREATE INDEX IF NOT EXISTS stix_object_added ON stix_object(date_added);
CREATE INDEX IF NOT EXISTS stix_object_type ON stix_object(object_type, date_added);

-- One row: the last date_added given out. A publisher holds it (SELECT ... FOR UPDATE) while it adds objects, so a
-- version committed later never has an earlier date_added than one a TAXII client has already read.
CREATE TABLE IF NOT EXISTS stix_clock (
  id          INT PRIMARY KEY,
  last_added  TIMESTAMP WITH TIME ZONE NOT NULL);
INSERT INTO stix_clock(id, last_added) VALUES (1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00') ON CONFLICT DO NOTHING;

-- The revision's STIX bundle, as written to <day>.stix.json.
ALTER TABLE digest ADD COLUMN IF NOT EXISTS stix TEXT;

-- The MISP feed: one event per story, its latest form. timestamp (epoch seconds) changes when the event does.
CREATE TABLE IF NOT EXISTS misp_event (
  event_uuid   VARCHAR(36) PRIMARY KEY,
  story_key    VARCHAR(4096) NOT NULL,
  digest_day   DATE NOT NULL,
  revision     INT NOT NULL,
  event_time   BIGINT NOT NULL,
  content      TEXT NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS misp_event_time ON misp_event(event_time);
