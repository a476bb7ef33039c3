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
 * @param lines the lines' times and lengths in {@code text}, stored but not indexed: for the exact time of a match
 *     and for rebuilding the transcript (their text is in {@code text}, not stored twice)
 * @param notes the episode's show notes: a word there counts more than a passing mention
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
        String notes,
        String show,
        Instant publishedAt,
        String audioUrl,
        String language,
        Instant addedAt) {

    /**
     * The characters a search's highlights put around a match: from Unicode's private use area, so no transcript
     * needs them. A moment's text never holds them ({@link #withoutMarkers}), so a highlight of the whole text, the
     * markers removed, is the text itself.
     */
    public static final char MARK_START = '\uE000';

    public static final char MARK_END = '\uE001';

    /** A transcript's text as a moment holds it: the highlight marker characters replaced by U+FFFD. */
    public static String withoutMarkers(String text) {
        return text.indexOf(MARK_START) < 0 && text.indexOf(MARK_END) < 0
                ? text
                : text.replace(MARK_START, '\uFFFD').replace(MARK_END, '\uFFFD');
    }

    /**
     * One transcript line of a moment; the speaker is the moment's.
     *
     * @param chars how many characters of the moment's text are this line's (lines are joined by one space)
     */
    public record Line(Long startMs, Long endMs, int chars) {}

    /** This moment with another text (a search reads it from a highlight, not from the source). */
    public MomentDocument withText(String other) {
        return new MomentDocument(
                episodeId,
                revision,
                ordinal,
                firstLine,
                startMs,
                endMs,
                speaker,
                other,
                lines,
                title,
                notes,
                show,
                publishedAt,
                audioUrl,
                language,
                addedAt);
    }

    /** Where each line starts in {@code text}. */
    public int[] lineOffsets() {
        int[] offsets = new int[lines.size()];
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            offsets[i] = at;
            at += lines.get(i).chars() + 1;
        }
        return offsets;
    }
}
