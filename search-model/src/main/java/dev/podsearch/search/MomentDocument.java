package dev.podsearch.search;

import java.time.Instant;
import java.util.List;

/**
 * A moment: a passage of consecutive transcript lines of one speaker (see {@link MomentWindows}), with the episode
 * fields needed to filter and show a hit without a second lookup.
 *
 * @param ordinal the moment's number in the episode, from 0; with the episode id, its document id
 * @param firstLine the number of the moment's first line in the transcript (consecutive moments may share a line)
 * @param text the lines' text joined by single spaces: what is searched and highlighted
 * @param lines the lines themselves, stored but not indexed, for exact times and for rebuilding the transcript
 * @param addedAt when the episode first became searchable; keeps paging stable while new episodes arrive
 */
public record MomentDocument(
        String episodeId,
        long revision,
        int ordinal,
        int firstLine,
        Long startMs,
        Long endMs,
        String speaker,
        String text,
        List<Line> lines,
        String title,
        String show,
        Instant publishedAt,
        String audioUrl,
        String language,
        Instant addedAt) {

    /** One transcript line of a moment; the speaker is the moment's. */
    public record Line(Long startMs, Long endMs, String text) {}
}
