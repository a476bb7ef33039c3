-- Tracing: the W3C trace context of the request (or drop-folder file) that wrote an outbox event, so that the relay
-- publishes it as a child of that trace (traceparent header on the Kafka record); and the trace id of the upload that
-- made a transcript's current revision, shown in its status. Null for rows written before tracing.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
ALTER TABLE outbox_event ADD COLUMN tracestate text;
ALTER TABLE transcript ADD COLUMN trace_id text;
