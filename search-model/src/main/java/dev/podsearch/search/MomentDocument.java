package dev.podsearch.search;

import java.time.Instant;

/**
 * A moment: a timed passage of an episode, with the episode fields needed to filter and show a hit without a second
 * lookup.
 */
public record MomentDocument(
        String episodeId,
        long revision,
        int ordinal,
        Long startMs,
        Long endMs,
        String speaker,
        String text,
        String title,
        String show,
        Instant publishedAt,
        String audioUrl,
        String language) {}
