package dev.podsearch.query.search;

import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.MomentDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/search}: episodes, best first, each with its matching moments best first (or flat
 * moments).
 *
 * @param total how many results (episodes, or moments with {@code group=moment}) paging can reach
 * @param totalRelation {@code eq} when {@code total} is exact, {@code gte} when there are more than paging reaches
 * @param degraded why the search ran in a lesser mode than asked (the meaning model unavailable); null when it did not
 * @param correctedQuery the query with misspelled words corrected, searched as well; null when nothing was corrected
 */
public record SearchResults(
        long total,
        String totalRelation,
        long took,
        String mode,
        String degraded,
        String correctedQuery,
        List<Result> results,
        Map<String, List<FacetValue>> facets,
        String nextCursor,
        Suggestion suggestion) {

    public static final String EXACT = "eq";
    public static final String LOWER_BOUND = "gte";

    /** The same answer, degraded for the reason given. */
    public SearchResults degradedBy(String reason) {
        return new SearchResults(
                total, totalRelation, took, mode, reason, correctedQuery, results, facets, nextCursor, suggestion);
    }

    /** A close spelling of the query that the transcripts use more, and how many episodes it finds. */
    public record Suggestion(String text, long total) {}

    /** A facet value and how many matching episodes have it. */
    public record FacetValue(String value, long count) {}

    public record Result(EpisodeSummary episode, double score, List<Moment> moments) {}

    public record EpisodeSummary(String id, String title, String show, Instant publishedAt, String audioUrl) {}

    /**
     * @param start the start as {@code HH:MM:SS}
     * @param highlight the text, HTML-escaped, with the matched words in {@code <mark>}
     * @param matchMs when the first matched word is said: the start of its line
     * @param link where to hear it: the audio at that second, else the transcript at that moment
     * @param matchedBy how a search found it; null outside search results
     */
    public record Moment(
            Long startMs,
            Long endMs,
            String start,
            String speaker,
            String text,
            String highlight,
            Long matchMs,
            String link,
            MatchKind matchedBy) {

        /** A moment found by a search, with its highlight and the time of its first match. */
        public static Moment of(MomentDocument m, String highlight, Long matchMs) {
            Long at = matchMs != null ? matchMs : m.startMs();
            return new Moment(
                    m.startMs(),
                    m.endMs(),
                    Timecodes.format(m.startMs()),
                    m.speaker(),
                    m.text(),
                    highlight != null ? highlight : Html.escape(m.text()),
                    at,
                    link(m.episodeId(), m.audioUrl(), at),
                    null);
        }

        /** The same moment, saying how it matched. */
        public Moment matchedBy(MatchKind kind) {
            return new Moment(startMs, endMs, start, speaker, text, highlight, matchMs, link, kind);
        }

        /** One transcript line, shown as a moment of its own. */
        public static Moment of(EpisodeDocument episode, EpisodeDocuments.TranscriptLine line) {
            return new Moment(
                    line.startMs(),
                    line.endMs(),
                    Timecodes.format(line.startMs()),
                    line.speaker(),
                    line.text(),
                    Html.escape(line.text()),
                    line.startMs(),
                    link(episode.episodeId(), episode.audioUrl(), line.startMs()),
                    null);
        }

        /** The audio at that second, else the transcript around that moment. */
        static String link(String episodeId, String audioUrl, Long startMs) {
            long at = startMs == null ? 0 : startMs;
            if (audioUrl != null) {
                return audioUrl + "#t=" + at / 1000;
            }
            return "/v1/episodes/" + episodeId + "/moments?at=" + at + "&context=2";
        }
    }
}
