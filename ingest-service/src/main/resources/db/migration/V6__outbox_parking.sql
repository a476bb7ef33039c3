-- Per-event outcomes of the relay: an event Kafka refuses for good (too large, invalid) is parked (parked_at set)
-- and no longer taken by the relay until an operator retries it; an event that failed for a passing reason waits
-- until next_attempt_at (exponential backoff with jitter) while the events after it go on.
ALTER TABLE outbox_event ADD COLUMN parked_at timestamptz;
ALTER TABLE outbox_event ADD COLUMN next_attempt_at timestamptz;

DROP INDEX outbox_event_unsent_idx;
CREATE INDEX outbox_event_unsent_idx ON outbox_event (id) WHERE sent_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked_idx ON outbox_event (id) WHERE parked_at IS NOT NULL AND sent_at IS NULL;
