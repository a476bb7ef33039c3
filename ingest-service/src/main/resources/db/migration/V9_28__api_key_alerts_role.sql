-- The alerts role (issue #28): a key that keeps saved searches (alert-service) and searches, and uploads nothing.
-- Version 9.28 (issue 28) rather than the next whole number, so a migration another branch adds as V9 does not clash.
ALTER TABLE api_key DROP CONSTRAINT api_key_role_check;
ALTER TABLE api_key ADD CONSTRAINT api_key_role_check CHECK (role IN ('read', 'alerts', 'ingest', 'admin'));
