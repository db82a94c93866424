-- What the CVE sources last answered (NVD, the CVE record, EPSS and MyJVN per CVE id; the KEV catalog as one row),
-- with the validators for the next conditional GET and when the answer was last confirmed. An empty body is an answer
-- too: the source does not list the id. The error of the last failed attempt stays until one succeeds.
CREATE TABLE IF NOT EXISTS cve_source (
  source        VARCHAR(16) NOT NULL,
  item_key      VARCHAR(64) NOT NULL,
  body          TEXT,
  etag          VARCHAR(500),
  last_modified VARCHAR(100),
  checked_at    TIMESTAMP WITH TIME ZONE,
  error         VARCHAR(1000),
  PRIMARY KEY (source, item_key));
