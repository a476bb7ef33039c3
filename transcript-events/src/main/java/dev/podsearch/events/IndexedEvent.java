package dev.podsearch.events;

import java.time.Instant;

/**
 * Published on {@link Topics#TRANSCRIPTS_INDEXED} after the indexer handled a revision.
 *
 * @param status {@code INDEXED}, {@code DELETED} or {@code FAILED}
 * @param reason why it failed; null otherwise
 */
public record IndexedEvent(String episodeId, long revision, String status, Instant indexedAt, String reason) {}
