-- Outbox payloads live for seconds: keep them out of line but uncompressed, saving the CPU of compressing on insert
-- and decompressing when the relay reads them.
ALTER TABLE outbox_event ALTER COLUMN payload SET STORAGE EXTERNAL;
