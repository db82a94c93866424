-- A pending delivery is claimed by one instance (owner, with a lease on the database clock) before it is sent, so that
-- instances sharing the database send each email and each webhook once. A claim nobody finishes runs out with its lease.
ALTER TABLE delivery ADD COLUMN IF NOT EXISTS owner VARCHAR(64);
ALTER TABLE delivery ADD COLUMN IF NOT EXISTS lease_until TIMESTAMP WITH TIME ZONE;
