-- A key's own rate (e.g. '50/s'), set at creation; NULL: its role's quota (rate-limit.keys.<role>). Numbered 8.1 so
-- that a migration another branch adds as V9 does not collide with it.
ALTER TABLE api_key ADD COLUMN rate varchar(20);
