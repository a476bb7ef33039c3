package dev.podsearch.bench.relevance;

import java.util.List;

/**
 * How one query did.
 *
 * @param rank the expected episode's 1-based rank, 0 when it is not among the results
 * @param moment whether a shown moment of the expected episode (in the top 5) is at the answer; null when the query
 *     has no expected time
 * @param zero whether there were no results at all
 * @param top the first three results' episodes, for diagnosis
 * @param shown where the expected episode's shown moments are (m:ss of the match, else the start), for diagnosis
 */
public record Score(Judgment judgment, int rank, Boolean moment, boolean zero, List<String> top, List<String> shown) {

    public double recallAt5() {
        return rank >= 1 && rank <= 5 ? 1 : 0;
    }

    public double reciprocalRankAt10() {
        return rank >= 1 && rank <= 10 ? 1.0 / rank : 0;
    }

    /** Binary relevance, one relevant episode: the ideal DCG is 1, so nDCG is the DCG of its rank. */
    public double ndcgAt10() {
        return rank >= 1 && rank <= 10 ? 1 / (Math.log(rank + 1) / Math.log(2)) : 0;
    }

    /** For a {@code none} query: it returned anything. */
    public boolean answered() {
        return !zero;
    }
}
