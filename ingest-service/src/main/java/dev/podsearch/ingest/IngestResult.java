package dev.podsearch.ingest;

import java.util.UUID;

/**
 * The answer to an upload.
 *
 * @param created whether this upload created a new revision (false when the content was already stored)
 * @param traceId the trace of the upload that made this revision (its way to search: relay, indexer, status); null
 *     for revisions stored before tracing
 */
public record IngestResult(UUID id, long revision, TranscriptStatus status, boolean created, String traceId) {}
