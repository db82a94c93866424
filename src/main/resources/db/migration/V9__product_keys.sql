-- Secrets the product makes once and keeps in its state, shared by every instance of a fleet: the key of the ticket
-- markers (an HMAC of the story key under it, so that an article cannot carry a story's marker). Never logged or shown.
CREATE TABLE IF NOT EXISTS product_key (
  name        VARCHAR(100) PRIMARY KEY,
  secret      VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL);
