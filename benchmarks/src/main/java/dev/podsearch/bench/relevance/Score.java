package dev.podsearch.bench.relevance;

import java.util.List;

/**
 * How one query did.
 *
 * @param rank the expected episode's 1-based rank, 0 when it is not among the results
 * @param moment whether a shown moment of the expected episode (in the top 5) is at the answer; null when the query
 *     has no expected time
 * @param first whether the first moment shown for the expected episode (in the top 5) is at the answer; null when the
 *     query has no expected time
 * @param zero whether there were no results at all
 * @param meaningTop5 how many of the first 5 results were found by meaning only (their first moment's
 *     {@code matchedBy} is {@code meaning})
 * @param meaningRelevant how many of those are the expected episode (0 or 1)
 * @param top the first three results' episodes, for diagnosis
 * @param shown where the expected episode's shown moments are, in the order shown (m:ss of the match, else the
 *     start, then how it matched when the answer says), for diagnosis
 * @param topTitle the first result's title, null when there is none
 * @param topMatchedBy how the first result's first moment matched, null when there is none or the answer does not say
 * @param corrected what the service searched instead of the query, null when it did not say
 */
public record Score(
        Judgment judgment,
        int rank,
        Boolean moment,
        Boolean first,
        boolean zero,
        int meaningTop5,
        int meaningRelevant,
        List<String> top,
        List<String> shown,
        String topTitle,
        String topMatchedBy,
        String corrected) {

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
