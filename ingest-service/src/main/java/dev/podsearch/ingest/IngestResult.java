package dev.podsearch.ingest;

import java.util.UUID;

/**
 * The answer to an upload.
 *
 * @param created whether this upload created a new revision (false when the content was already stored)
 */
public record IngestResult(UUID id, long revision, TranscriptStatus status, boolean created) {}
