package dev.podsearch.search;

import java.time.Instant;
import java.util.List;

/** An episode: its metadata, current revision and length. */
public record EpisodeDocument(
        String episodeId,
        long revision,
        String title,
        String notes,
        String show,
        Instant publishedAt,
        String audioUrl,
        String language,
        List<String> speakers,
        Long durationMs,
        int moments) {}
