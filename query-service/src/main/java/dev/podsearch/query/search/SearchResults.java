package dev.podsearch.query.search;

import dev.podsearch.search.MomentDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /v1/search}: episodes, best first, each with its matching moments in time order. */
public record SearchResults(long total, long took, List<Result> results, Map<String, List<FacetValue>> facets) {

    /** A facet value and how many matching episodes have it. */
    public record FacetValue(String value, long count) {}

    public record Result(EpisodeSummary episode, double score, List<Moment> moments) {}

    public record EpisodeSummary(String id, String title, String show, Instant publishedAt, String audioUrl) {}

    /**
     * @param start the start as {@code HH:MM:SS}
     * @param highlight the text, HTML-escaped, with the matched words in {@code <mark>}
     * @param link where to hear it: the audio at that second, else the transcript at that moment
     */
    public record Moment(
            Long startMs, Long endMs, String start, String speaker, String text, String highlight, String link) {

        /** A moment for the API; {@code highlight} null means the plain text, escaped. */
        public static Moment of(MomentDocument m, String highlight) {
            return new Moment(
                    m.startMs(),
                    m.endMs(),
                    Timecodes.format(m.startMs()),
                    m.speaker(),
                    m.text(),
                    highlight != null ? highlight : Html.escape(m.text()),
                    link(m));
        }

        /** The audio at that second, else the transcript around that moment. */
        static String link(MomentDocument m) {
            long at = m.startMs() == null ? 0 : m.startMs();
            if (m.audioUrl() != null) {
                return m.audioUrl() + "#t=" + at / 1000;
            }
            return "/v1/episodes/" + m.episodeId() + "/moments?at=" + at + "&context=2";
        }
    }
}
