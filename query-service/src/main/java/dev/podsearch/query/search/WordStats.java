package dev.podsearch.query.search;

import java.util.Arrays;
import java.util.Map;

/**
 * What the engine's statistics say about a query's counted words ({@link TextQuery#counted}): how much each one weighs
 * in its coverage (its inverse document frequency among the moments, as a share of all the words': a moment that has
 * "bullpen" and "blown" has more of "how many saves has the bullpen blown" than one that has "how" and "many"), and,
 * for a typed word that no moment has, its correction, kept only when the corrected query as a whole finds a moment.
 *
 * @param weights each counted group's share; they add up to 1
 * @param corrections counted group index to the corrected word
 * @param correctedQuery the query as typed with the corrections applied; null without corrections
 * @param correctedEpisodes how many episodes have a moment with the corrected query's every word
 */
record WordStats(double[] weights, Map<Integer, String> corrections, String correctedQuery, long correctedEpisodes) {

    WordStats {
        corrections = Map.copyOf(corrections);
    }

    /** Equal weights and no corrections: what a query is taken as when the statistics are not known. */
    static WordStats uniform(int groups) {
        double[] weights = new double[groups];
        Arrays.fill(weights, groups == 0 ? 0 : 1.0 / groups);
        return new WordStats(weights, Map.of(), null, 0);
    }

    /** Weights without corrections. */
    static WordStats weighted(double[] weights) {
        return new WordStats(weights, Map.of(), null, 0);
    }

    /** The weight of counted group {@code i}. */
    double weight(int i) {
        return i < weights.length ? weights[i] : 0;
    }

    /**
     * Weights from document frequencies: {@code idf = ln(1 + (n - df + 0.5) / (df + 0.5))}, BM25's, each as a share of
     * their sum. A word no moment has weighs the most: a moment without it lacks the query's most telling word.
     */
    static double[] fromFrequencies(long moments, long[] frequencies) {
        double[] weights = new double[frequencies.length];
        double sum = 0;
        for (int i = 0; i < frequencies.length; i++) {
            long df = Math.min(frequencies[i], moments);
            weights[i] = Math.log(1 + (moments - df + 0.5) / (df + 0.5));
            sum += weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sum > 0 ? weights[i] / sum : 1.0 / weights.length;
        }
        return weights;
    }
}
