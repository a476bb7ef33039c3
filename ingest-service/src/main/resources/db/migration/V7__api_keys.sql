-- API keys (issue #16): the secret is never stored, only its SHA-256; the id is public (logs, listings, revocation).
CREATE TABLE api_key (
    id           varchar(10)  PRIMARY KEY,
    name         varchar(100) NOT NULL,
    role         varchar(10)  NOT NULL CHECK (role IN ('read', 'ingest', 'admin')),
    secret_hash  char(64)     NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
