package dev.podsearch.query.search;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /v1/search}: episodes, best first, each with its matching moments in time order. */
public record SearchResults(long total, long took, List<Result> results) {

    public record Result(EpisodeSummary episode, double score, List<Moment> moments) {}

    public record EpisodeSummary(String id, String title, String show, Instant publishedAt, String audioUrl) {}

    /**
     * @param start the start as {@code HH:MM:SS}
     * @param highlight the text, HTML-escaped, with the matched words in {@code <mark>}
     * @param link where to hear it: the audio at that second, else the transcript at that moment
     */
    public record Moment(
            Long startMs, Long endMs, String start, String speaker, String text, String highlight, String link) {}
}
