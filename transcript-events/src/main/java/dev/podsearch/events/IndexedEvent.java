package dev.podsearch.events;

import java.time.Instant;

/**
 * Published on {@link Topics#TRANSCRIPTS_INDEXED} after the indexer handled a revision, and after the embed stage
 * wrote its vectors.
 *
 * @param status {@code INDEXED}, {@code DELETED} or {@code FAILED} (the keyword indexer); {@code EMBEDDED} (the embed
 *     stage: the revision's vectors are written, it is semantically searchable too)
 * @param reason why it failed; null otherwise
 */
public record IndexedEvent(String episodeId, long revision, String status, Instant indexedAt, String reason) {}
