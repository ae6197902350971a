-- The audit log becomes a hash chain: each entry carries the hash of the
-- entry before it (prev) and its own (hash), computed by forum when it
-- appends the entry. Entries written before this migration have no hash;
-- the first chained entry's prev is a digest of all of them, which seals
-- them. An entry without its hash is refused, so nothing is appended
-- around the chain.
ALTER TABLE audit ADD COLUMN prev TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TRIGGER audit_chained BEFORE INSERT ON audit WHEN NEW.hash = ''
  BEGIN SELECT RAISE(ABORT, 'an audit entry needs its link in the chain'); END;
