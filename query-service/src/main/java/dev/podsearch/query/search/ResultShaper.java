package dev.podsearch.query.search;

import dev.podsearch.search.MomentDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the engine's hits into results: an episode with its best passages in time order, or one moment. */
final class ResultShaper {

    /** The name of a collapsed episode's inner hits: its best moments. */
    static final String BEST = "best";

    private ResultShaper() {}

    /**
     * An episode and its best passages in time order. Consecutive moments share a line, so two may show the same
     * match: a moment whose matched lines were all shown by a better one is left out, and one that overlaps a passage
     * already chosen is merged into it (each line shown once, the match marked where it is).
     */
    static SearchResults.Result episode(EngineResponse.Hit hit, int wanted) {
        EngineResponse.InnerHits best = hit.innerHits().get(BEST);
        List<EngineResponse.Hit> moments =
                best == null ? List.of() : best.hits().hits();
        return new SearchResults.Result(summary(hit.source()), score(hit), passages(bestTier(moments), wanted, false));
    }

    /**
     * The moments that have as many of the query's words as the best one ({@link TextQuery#COVER} per word): an
     * episode with a moment that has every word does not also show those that have only one of them.
     */
    private static List<EngineResponse.Hit> bestTier(List<EngineResponse.Hit> moments) {
        if (moments.isEmpty() || moments.getFirst().score() == null) {
            return moments;
        }
        double tier = Math.floor(moments.getFirst().score() / TextQuery.COVER);
        return moments.stream()
                .filter(m -> m.score() == null || Math.floor(m.score() / TextQuery.COVER) >= tier)
                .toList();
    }

    /**
     * Up to {@code wanted} passages from moments best first, shown in time order. A moment without a word of the query
     * is shown only when none has one (the episode was found by its title or notes), or when it was found by meaning.
     */
    static List<SearchResults.Moment> passages(List<EngineResponse.Hit> moments, int wanted, boolean byMeaning) {
        List<Passage> candidates = moments.stream().map(ResultShaper::passage).toList();
        boolean anyMatch = candidates.stream().anyMatch(p -> !p.ranges().isEmpty());
        List<Passage> chosen = new ArrayList<>();
        Set<Integer> shownLines = new HashSet<>();
        for (Passage candidate : candidates) {
            List<Integer> matched = candidate.matchedLines();
            if (matched.isEmpty() ? anyMatch && !byMeaning : shownLines.containsAll(matched)) {
                continue;
            }
            int overlapping = indexOfOverlap(chosen, candidate);
            if (overlapping >= 0) {
                chosen.set(overlapping, chosen.get(overlapping).mergedWith(candidate));
            } else if (chosen.size() < wanted) {
                chosen.add(candidate);
            } else {
                continue;
            }
            shownLines.addAll(matched);
        }
        chosen.sort(Comparator.comparingLong(
                p -> p.moment().startMs() == null ? Long.MAX_VALUE : p.moment().startMs()));
        return chosen.stream().map(Passage::shown).toList();
    }

    private static int indexOfOverlap(List<Passage> chosen, Passage candidate) {
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).overlaps(candidate)) {
                return i;
            }
        }
        return -1;
    }

    static SearchResults.Result moment(EngineResponse.Hit hit) {
        return moment(hit, score(hit));
    }

    static SearchResults.Result moment(EngineResponse.Hit hit, double score) {
        return new SearchResults.Result(
                summary(hit.source()), score, List.of(passage(hit).shown()));
    }

    private static double score(EngineResponse.Hit hit) {
        return hit.score() == null ? 0 : hit.score();
    }

    /** A moment hit with its text (read from the highlight that carries it) and the ranges its highlights marked. */
    static Passage passage(EngineResponse.Hit hit) {
        Map<String, List<String>> highlight = hit.highlight();
        List<String> whole = highlight.get(EngineRequests.HIGHLIGHTED.getFirst());
        MomentDocument m =
                hit.source().withText(whole == null || whole.isEmpty() ? "" : Highlights.unmarked(whole.getFirst()));
        List<String> answers = new ArrayList<>();
        for (String field : EngineRequests.HIGHLIGHTED) {
            List<String> fragments = highlight.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                answers.add(fragments.getFirst());
            }
        }
        return Passage.of(m, Highlights.ranges(m.text(), answers));
    }

    static SearchResults.EpisodeSummary summary(MomentDocument m) {
        return new SearchResults.EpisodeSummary(m.episodeId(), m.title(), m.show(), m.publishedAt(), m.audioUrl());
    }
}
