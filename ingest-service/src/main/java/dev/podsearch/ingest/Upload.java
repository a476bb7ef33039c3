package dev.podsearch.ingest;

/**
 * One transcript to ingest, however it arrived.
 *
 * @param contentType the declared media type of the content, without parameters; may be null
 * @param format a format forced by the client ({@code sample}, {@code vtt}, ...); may be null
 * @param idempotencyKey the client's {@code Idempotency-Key}; may be null
 */
public record Upload(
        byte[] content, String contentType, String format, EpisodeMetadata metadata, String idempotencyKey) {}
