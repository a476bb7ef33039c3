-- Saved searches (issue #28) and their webhook deliveries, in the schema "alerts" of the PostgreSQL database ingest
-- uses (quarkus.flyway.schemas): the alert service owns these tables, no other service reads them.

-- A saved search. q and the filters are as the user wrote them; the compiled columns are what query-service's
-- POST /v1/queries/compile answered for them (the percolator index holds the same query: see AlertIndex).
CREATE TABLE alert (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    q             text        NOT NULL,
    shows         text[]      NOT NULL DEFAULT '{}',
    speakers      text[]      NOT NULL DEFAULT '{}',
    lang          text,
    mode          text        NOT NULL CHECK (mode IN ('keyword', 'hybrid')),
    webhook_url   text        NOT NULL,
    -- the HMAC-SHA256 key of the webhooks' signatures: shown once at creation, needed again to sign
    secret        text        NOT NULL,
    paused        boolean     NOT NULL DEFAULT false,
    -- the public id of the API key that created it (KeyOwner.id): who may see and change it
    owner         text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    deleted_at    timestamptz,
    -- the compiled query (an OpenSearch query over a moment), and for mode=hybrid the query's vector and the
    -- meaning floor it must reach (the meaning phase)
    compiled      jsonb       NOT NULL,
    vector        real[],
    meaning_floor double precision
);

CREATE INDEX alert_owner ON alert (owner, created_at) WHERE deleted_at IS NULL;

-- One webhook per (alert, episode revision, phase), recorded before it is sent (an outbox): the unique key makes a
-- replayed or re-indexed revision add nothing. The id is the delivery id the webhook's headers carry.
CREATE TABLE alert_delivery (
    id               uuid        PRIMARY KEY,
    alert_id         uuid        NOT NULL REFERENCES alert (id),
    episode_id       text        NOT NULL,
    revision         bigint      NOT NULL,
    phase            text        NOT NULL CHECK (phase IN ('words', 'meaning')),
    payload          jsonb       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    give_up_at       timestamptz NOT NULL,
    last_status_code int,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (alert_id, episode_id, revision, phase)
);

CREATE INDEX alert_delivery_due ON alert_delivery (status, next_attempt_at);

-- Each attempt to send a delivery: what the target answered (a short excerpt only) and how long it took.
CREATE TABLE alert_delivery_attempt (
    id               bigserial   PRIMARY KEY,
    delivery_id      uuid        NOT NULL REFERENCES alert_delivery (id),
    attempted_at     timestamptz NOT NULL,
    status_code      int,
    error            text,
    duration_ms      int         NOT NULL,
    response_excerpt text
);

CREATE INDEX alert_delivery_attempt_delivery ON alert_delivery_attempt (delivery_id, attempted_at);
