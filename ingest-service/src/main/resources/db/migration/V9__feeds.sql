-- Feed subscriptions (issue #25): each feed is polled on its own schedule; an ingest instance polls one only while it
-- holds its lease (lease_owner until lease_until), claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE feed (
    id             uuid        PRIMARY KEY,
    url            text        NOT NULL UNIQUE,
    title          text,
    language       text,
    created_at     timestamptz NOT NULL,
    -- the validators of the last feed document read whole, sent back as If-None-Match / If-Modified-Since
    etag           text,
    last_modified  text,
    last_poll_at   timestamptz,
    last_result    text,
    last_error     text,
    failures       integer     NOT NULL DEFAULT 0,
    next_poll_at   timestamptz NOT NULL,
    lease_owner    text,
    lease_until    timestamptz
);

CREATE INDEX feed_due_idx ON feed (next_poll_at);

-- One row per item a feed listed (kept when it leaves the feed: in_feed false), with the transcript chosen for it
-- and the episode it became.
CREATE TABLE feed_item (
    id                       uuid        PRIMARY KEY,
    feed_id                  uuid        NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    guid                     text        NOT NULL,
    title                    text,
    transcript_url           text,
    transcript_type          text,
    captions                 boolean     NOT NULL DEFAULT false,
    transcript_etag          text,
    transcript_last_modified text,
    -- what the episode's metadata was made of (show, title, date, audio, language): a change fetches the transcript
    -- in full again, so that the episode gets it even when the transcript itself answers 304
    metadata_key             text,
    episode_id               uuid,
    revision                 bigint,
    error                    text,
    in_feed                  boolean     NOT NULL DEFAULT true,
    updated_at               timestamptz NOT NULL,
    UNIQUE (feed_id, guid)
);
