package dev.podsearch.bench.relevance;

import java.util.List;

/** One search result as the benchmark reads it: the episode (as a corpus file stem) and its shown moments. */
public record Hit(String episode, List<Moment> moments) {

    /** A shown moment; {@code matchMs} is null when the answer has none. */
    public record Moment(long startMs, long endMs, Long matchMs) {

        /** Within {@code toleranceMs} of the time (by the matched line, else the start), or spanning it. */
        boolean near(long atMs, long toleranceMs) {
            long shown = matchMs != null ? matchMs : startMs;
            return Math.abs(shown - atMs) <= toleranceMs || (startMs <= atMs && atMs <= endMs);
        }
    }
}
