-- One row per episode: its metadata and the transcript of its current revision.
CREATE TABLE transcript (
    id              uuid PRIMARY KEY,
    episode_key     text        NOT NULL UNIQUE,
    external_id     text,
    show            text,
    title           text        NOT NULL,
    notes           text,
    published_at    timestamptz,
    audio_url       text,
    language        text,
    speakers        jsonb       NOT NULL DEFAULT '[]',
    revision        bigint      NOT NULL,
    content_sha256  text        NOT NULL,
    format          text        NOT NULL,
    segment_count   integer     NOT NULL,
    segments        jsonb       NOT NULL,
    status          text        NOT NULL,
    status_reason   text,
    received_at     timestamptz NOT NULL,
    published_to_kafka_at timestamptz,
    indexed_at      timestamptz,
    deleted_at      timestamptz,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX transcript_status_idx ON transcript (status);
CREATE INDEX transcript_show_idx ON transcript (show);

-- Transactional outbox: written in the same transaction as the transcript, published by the relay in id order.
CREATE TABLE outbox_event (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    episode_id  uuid        NOT NULL,
    revision    bigint      NOT NULL,
    event_type  text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text
);

CREATE INDEX outbox_event_unsent_idx ON outbox_event (id) WHERE sent_at IS NULL;
