-- Limits that hold for every instance sharing the database: one row per model call slot
-- (digest.llm.max-concurrent), held with a lease, and one token bucket for digest.llm.requests-per-minute.
CREATE TABLE IF NOT EXISTS model_slot (
  slot        INT PRIMARY KEY,
  owner       VARCHAR(64),
  lease_until TIMESTAMP WITH TIME ZONE);

CREATE TABLE IF NOT EXISTS model_rate (
  id          INT PRIMARY KEY,
  tokens      DOUBLE PRECISION NOT NULL,
  refilled_at TIMESTAMP WITH TIME ZONE NOT NULL);
