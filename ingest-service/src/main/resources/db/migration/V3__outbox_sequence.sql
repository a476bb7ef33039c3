-- Outbox ids from a sequence the application allocates in blocks, so an upload's inserts go in one JDBC batch.
CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;
SELECT setval('outbox_event_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM outbox_event), 1));
ALTER TABLE outbox_event ALTER COLUMN id SET DEFAULT nextval('outbox_event_seq');
