package dev.podsearch.index.bulk;

import java.time.Instant;

/** What is indexed for an episode while a batch is planned: its revision, moment count, first indexing, deletion. */
record EpisodeState(long revision, int moments, Instant addedAt, boolean deleted) {}
