-- One row per story that has a ticket: the ticket's id in the ticketing system (empty when the system gave none, as a
-- plain webhook may), and the hash of what it was last told, so that an unchanged story sends nothing again.
CREATE TABLE IF NOT EXISTS ticket (
  story_key    VARCHAR(4096) PRIMARY KEY,
  ticket_id    VARCHAR(200) NOT NULL,
  change_hash  VARCHAR(64),
  digest_day   DATE NOT NULL,
  revision     INT NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL);
