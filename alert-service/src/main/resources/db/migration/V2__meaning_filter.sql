-- The meaning phase (issue #28): what a moment found by meaning must also match (the alert's phrases, exclusions and
-- filters, without the word floor), as query-service compiled it; null for keyword alerts.
ALTER TABLE alert ADD COLUMN meaning_filter jsonb;
