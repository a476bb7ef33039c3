package dev.podsearch.index.bulk;

import java.time.Instant;

/** A deleted episode's last revision, kept for good (index {@code tombstones}). */
public record Tombstone(String episodeId, long revision, Instant deletedAt) {}
