-- One instance publishes a day at a time: it holds the day's lease (on the database clock) while it writes the
-- overview and records the revision, so that instances closing together do not each write the day's overview.
CREATE TABLE IF NOT EXISTS publish_lease (
  digest_day  DATE PRIMARY KEY,
  owner       VARCHAR(64),
  lease_until TIMESTAMP WITH TIME ZONE);
