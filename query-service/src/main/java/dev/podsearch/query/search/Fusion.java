package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reciprocal rank fusion of ranked lists of moments (their ids, {@code episodeId:ordinal}): an item's score is the sum
 * over the lists of {@code 1 / (K + rank)}, rank from 1. Ranks, not scores, are fused: BM25 and cosine scores are on
 * scales that cannot be compared. Episodes are fused the same way, each ranked in a list where its best moment is.
 */
final class Fusion {

    /** The usual constant: it keeps one list's first place from outweighing agreement between the lists. */
    static final int K = 60;

    /** A fused episode: its score and its moments' ids, best first. */
    record Episode(String id, double score, List<String> moments) {}

    /** A fused moment and its score. */
    record Moment(String id, double score) {}

    /**
     * One ranked list: moment ids best first, and how much each one's vote counts (a keyword hit that has one of the
     * query's seven words says less than one that has them all).
     */
    record Ranked(List<String> ids, double[] weights) {

        Ranked {
            if (ids.size() != weights.length) {
                throw new IllegalArgumentException(ids.size() + " ids but " + weights.length + " weights");
            }
        }

        /** A list whose every item counts {@code weight}. */
        static Ranked uniform(List<String> ids, double weight) {
            double[] weights = new double[ids.size()];
            java.util.Arrays.fill(weights, weight);
            return new Ranked(ids, weights);
        }
    }

    private Fusion() {}

    /** The moments of all lists, fused, best first (ties: the order in which they were first seen). */
    static List<Moment> moments(List<Ranked> lists) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Ranked list : lists) {
            for (int i = 0; i < list.ids().size(); i++) {
                scores.merge(list.ids().get(i), list.weights()[i] / (K + i + 1), Double::sum);
            }
        }
        List<Moment> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Moment(id, score)));
        fused.sort(Comparator.comparingDouble(Moment::score).reversed());
        return fused;
    }

    /**
     * The episodes of all lists, fused by the rank of each one's best moment in each list (counting that moment's
     * weight), best first; an episode's moments best first by their fused score.
     */
    static List<Episode> episodes(List<Ranked> lists) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Ranked list : lists) {
            Map<String, Integer> best = new LinkedHashMap<>();
            for (int i = 0; i < list.ids().size(); i++) {
                best.putIfAbsent(episodeOf(list.ids().get(i)), i);
            }
            int rank = 0;
            for (Map.Entry<String, Integer> e : best.entrySet()) {
                scores.merge(e.getKey(), list.weights()[e.getValue()] / (K + ++rank), Double::sum);
            }
        }
        Map<String, List<String>> momentsOf = new HashMap<>();
        for (Moment moment : moments(lists)) {
            momentsOf
                    .computeIfAbsent(episodeOf(moment.id()), e -> new ArrayList<>())
                    .add(moment.id());
        }
        List<Episode> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Episode(id, score, List.copyOf(momentsOf.get(id)))));
        fused.sort(Comparator.comparingDouble(Episode::score).reversed());
        return fused;
    }

    /**
     * Words before meaning: the episodes in order of their best moment's tier (every word, every word once corrected,
     * the rest: some words or meaning, as fused), then as fused; each one's moments in order of their tier, where a
     * moment with some of the words comes before one found by meaning alone. The order within a tier is the fusion's.
     *
     * @param tierOfMoment 0 every word, 1 every word once corrected, 2 some of the words, 3 meaning only
     */
    static List<Episode> tiered(List<Episode> episodes, ToIntFunction<String> tierOfMoment) {
        List<Episode> tiered = new ArrayList<>();
        Map<String, Integer> tierOfEpisode = new HashMap<>();
        for (Episode e : episodes) {
            List<String> moments = new ArrayList<>(e.moments());
            moments.sort(Comparator.comparingInt(tierOfMoment));
            int best = moments.isEmpty() ? Integer.MAX_VALUE : tierOfMoment.applyAsInt(moments.getFirst());
            tierOfEpisode.put(e.id(), Math.min(best, 2));
            tiered.add(new Episode(e.id(), e.score(), List.copyOf(moments)));
        }
        tiered.sort(Comparator.comparingInt((Episode e) -> tierOfEpisode.get(e.id())));
        return tiered;
    }

    /** Flat moments in order of their tier (some words and meaning alone as one), then as fused. */
    static List<Moment> tieredMoments(List<Moment> moments, ToIntFunction<String> tierOfMoment) {
        List<Moment> tiered = new ArrayList<>(moments);
        tiered.sort(Comparator.comparingInt(m -> Math.min(tierOfMoment.applyAsInt(m.id()), 2)));
        return tiered;
    }

    /** The episode of a moment id ({@code episodeId:ordinal}). */
    static String episodeOf(String momentId) {
        return momentId.substring(0, momentId.lastIndexOf(':'));
    }
}
