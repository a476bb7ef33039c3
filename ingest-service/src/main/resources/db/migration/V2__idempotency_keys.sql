-- Idempotency-Key of uploads: the same key with the same request gets the same answer; with another request, 409.
CREATE TABLE idempotency_key (
    key             text        PRIMARY KEY,
    request_sha256  text        NOT NULL,
    transcript_id   uuid,
    revision        bigint,
    status          text,
    created         boolean,
    created_at      timestamptz NOT NULL
);
