-- When the embed stage wrote the current revision's vectors: from then on it is semantically searchable too
-- (keyword-searchable from indexed_at). Cleared with the other steps when a new revision is uploaded.
ALTER TABLE transcript ADD COLUMN embedded_at timestamptz;
