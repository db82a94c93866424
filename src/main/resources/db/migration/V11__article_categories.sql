-- A feed entry's categories (RSS <category>, Atom category terms), one a line: an article taken again from the state
-- keeps them, and its item carries them.
ALTER TABLE article ADD COLUMN IF NOT EXISTS categories TEXT;
