package dev.podsearch.search;

import java.time.Instant;
import java.util.List;

/**
 * An episode: its metadata, current revision and size, what it is about, and the inputs of the typeahead.
 *
 * @param moments how many moment documents the revision has (ids {@code episodeId:0} to {@code episodeId:moments-1})
 * @param lines how many transcript lines it has
 * @param topics its most frequent phrases and words, most frequent first: what "similar episodes" compares
 * @param addedAt when the episode first became searchable (kept across revisions)
 */
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
        int moments,
        int lines,
        List<String> topics,
        Instant addedAt,
        List<Completion> suggestTitle,
        List<Completion> suggestShow,
        List<Completion> suggestSpeaker,
        List<Completion> suggestPhrase) {

    /** One input of a completion field and its weight (higher is suggested first). */
    public record Completion(String input, int weight) {}
}
