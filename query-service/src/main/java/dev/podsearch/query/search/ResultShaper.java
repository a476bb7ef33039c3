package dev.podsearch.query.search;

import dev.podsearch.search.MomentDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the engine's hits into results: an episode with its best passages, or one moment. */
final class ResultShaper {

    /** The name of a collapsed episode's inner hits: its best moments. */
    static final String BEST = "best";

    private ResultShaper() {}

    /**
     * An episode and its best passages. Its moments (the collapsed episode's inner hits, best first) that have too few
     * of the query's words are left out, and only those of the best tier are shown ({@link Coverage#tier}): an episode
     * with a moment that has every word does not also show those that have only some of them.
     */
    static SearchResults.Result episode(
            EngineResponse.Hit hit, int wanted, Matching matching, SearchParameters.MomentOrder order) {
        EngineResponse.InnerHits best = hit.innerHits().get(BEST);
        List<EngineResponse.Hit> moments =
                best == null ? List.of() : best.hits().hits();
        List<Candidate> candidates = new ArrayList<>();
        int tier = Integer.MAX_VALUE;
        for (EngineResponse.Hit moment : moments) {
            MatchKind kind = matching.kind(moment);
            if (kind != null) {
                int t = matching.coverage(moment).tier();
                tier = Math.min(tier, t);
                candidates.add(new Candidate(moment, kind, t));
            }
        }
        if (candidates.isEmpty() && !moments.isEmpty()) {
            // the engine admitted the episode by its score (coverage just under the floor plus relevance): its best
            // moment is what it found, with some of the words
            candidates.add(new Candidate(moments.getFirst(), MatchKind.PARTIAL, 2));
            tier = 2;
        }
        int bestTier = tier;
        List<Candidate> shown =
                candidates.stream().filter(c -> c.tier() == bestTier).toList();
        return new SearchResults.Result(summary(hit.source()), score(hit), passages(shown, wanted, false, order));
    }

    /** A moment that may be shown, how it matched, and its ranking tier. */
    record Candidate(EngineResponse.Hit hit, MatchKind kind, int tier) {}

    /**
     * Up to {@code wanted} passages from moments best first, listed best first (or in time order). A moment without a
     * marked word of the query is shown only when none has one (the episode was found by its title or notes), or when
     * it was found by meaning. Consecutive moments share a line, so two may show the same match: a moment whose matched
     * lines were all shown by a better one is left out, and one that overlaps a passage already chosen is merged into
     * it (each line shown once, the match marked where it is).
     */
    static List<SearchResults.Moment> passages(
            List<Candidate> moments, int wanted, boolean byMeaning, SearchParameters.MomentOrder order) {
        List<Passage> candidates = moments.stream().map(c -> passage(c.hit())).toList();
        boolean anyMatch = candidates.stream().anyMatch(p -> !p.ranges().isEmpty());
        List<Passage> chosen = new ArrayList<>();
        List<MatchKind> kinds = new ArrayList<>();
        Set<Integer> shownLines = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            Passage candidate = candidates.get(i);
            List<Integer> matched = candidate.matchedLines();
            if (matched.isEmpty() ? anyMatch && !byMeaning : shownLines.containsAll(matched)) {
                continue;
            }
            int overlapping = indexOfOverlap(chosen, candidate);
            if (overlapping >= 0) {
                chosen.set(overlapping, chosen.get(overlapping).mergedWith(candidate));
            } else if (chosen.size() < wanted) {
                chosen.add(candidate);
                kinds.add(moments.get(i).kind());
            } else {
                continue;
            }
            shownLines.addAll(matched);
        }
        List<SearchResults.Moment> shown = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            shown.add(chosen.get(i).shown().matchedBy(kinds.get(i)));
        }
        if (order == SearchParameters.MomentOrder.TIME) {
            shown.sort(Comparator.comparingLong(m -> m.startMs() == null ? Long.MAX_VALUE : m.startMs()));
        }
        return shown;
    }

    private static int indexOfOverlap(List<Passage> chosen, Passage candidate) {
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).overlaps(candidate)) {
                return i;
            }
        }
        return -1;
    }

    static SearchResults.Result moment(EngineResponse.Hit hit, MatchKind kind) {
        return moment(hit, score(hit), kind);
    }

    static SearchResults.Result moment(EngineResponse.Hit hit, double score, MatchKind kind) {
        return new SearchResults.Result(
                summary(hit.source()), score, List.of(passage(hit).shown().matchedBy(kind)));
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
