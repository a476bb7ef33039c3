package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private Fusion() {}

    /** The moments of all lists, fused, best first (ties: the order in which they were first seen). */
    static List<Moment> moments(List<List<String>> lists) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> list : lists) {
            for (int i = 0; i < list.size(); i++) {
                scores.merge(list.get(i), 1.0 / (K + i + 1), Double::sum);
            }
        }
        List<Moment> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Moment(id, score)));
        fused.sort(Comparator.comparingDouble(Moment::score).reversed());
        return fused;
    }

    /** The episodes of all lists, fused by the rank of each one's best moment in each list, best first. */
    static List<Episode> episodes(List<List<String>> lists) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> list : lists) {
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            list.forEach(moment -> seen.add(episodeOf(moment)));
            List<String> order = new ArrayList<>(seen);
            for (int i = 0; i < order.size(); i++) {
                scores.merge(order.get(i), 1.0 / (K + i + 1), Double::sum);
            }
        }
        Map<String, List<String>> momentsOf = new HashMap<>();
        for (Moment moment : moments(lists)) {
            momentsOf
                    .computeIfAbsent(episodeOf(moment.id()), e -> new ArrayList<>())
                    .add(moment.id());
        }
        List<Episode> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Episode(id, score, momentsOf.get(id))));
        fused.sort(Comparator.comparingDouble(Episode::score).reversed());
        return fused;
    }

    /** The episode of a moment id ({@code episodeId:ordinal}). */
    static String episodeOf(String momentId) {
        return momentId.substring(0, momentId.lastIndexOf(':'));
    }
}
