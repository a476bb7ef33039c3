package dev.podsearch.bench.relevance;

import java.util.List;

/**
 * One search result as the benchmark reads it: the episode (as a corpus file stem), its title and its shown moments,
 * best first when the service orders them so (else in time order).
 *
 * @param title the episode's title as the answer gives it, null when it gives none
 */
public record Hit(String episode, String title, List<Moment> moments) {

    public Hit(String episode, List<Moment> moments) {
        this(episode, null, moments);
    }

    /** The first moment shown, null when none is. */
    Moment first() {
        return moments.isEmpty() ? null : moments.get(0);
    }

    /**
     * A shown moment; {@code matchMs} is null when the answer has none, {@code matchedBy} ({@code phrase},
     * {@code words}, {@code partial}, {@code spelling}, {@code meaning}) when the service does not say.
     */
    public record Moment(long startMs, long endMs, Long matchMs, String matchedBy) {

        /** Found by meaning only: none of the query's words. */
        public static final String MEANING = "meaning";

        public Moment(long startMs, long endMs, Long matchMs) {
            this(startMs, endMs, matchMs, null);
        }

        /** Within {@code toleranceMs} of the time (by the matched line, else the start), or spanning it. */
        boolean near(long atMs, long toleranceMs) {
            long shown = matchMs != null ? matchMs : startMs;
            return Math.abs(shown - atMs) <= toleranceMs || (startMs <= atMs && atMs <= endMs);
        }

        boolean byMeaningOnly() {
            return MEANING.equals(matchedBy);
        }
    }
}
