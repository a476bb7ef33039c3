package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.query.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Semantic and hybrid searches. One {@code _msearch} asks for the keyword list (the ranked text query's best moments,
 * with the episode count and facets) and the semantic list (the moments nearest the query's vector, under the same
 * filters, applied inside the k-NN search); the lists are fused by reciprocal rank ({@link Fusion}), grouped per episode
 * unless flat moments were asked for, and the page's moments are fetched by id with their highlights. When the index
 * has no vectors (the semantic list comes back empty or refused), the answer is the keyword search's, and says so.
 */
@ApplicationScoped
public class FusedSearch {

    /** How much a keyword hit with every word of the query counts, against 1 for a hit of the meaning list. */
    static final double WEIGHT_ALL_WORDS = 2;

    @Inject
    EngineCalls engine;

    @Inject
    QueryConfig config;

    @Inject
    ObjectMapper json;

    /**
     * What a fused search found; null {@code results} when there were no vectors to search.
     *
     * @param keyword the keyword list's answer, to tell whether the words found little
     */
    record Outcome(SearchResults results, long engineNanos, EngineResponse keyword) {}

    CompletableFuture<Outcome> search(SearchParameters request, float[] vector, Cursor cursor, long asOf) {
        int window = config.fusionWindow();
        boolean since = cursor != null;
        long asked = System.nanoTime();
        return engine.multi(List.of(
                        FusedRequests.keywordList(request, asOf, since, window),
                        FusedRequests.nearest(request, vector, asOf, since, window)))
                .thenCompose(lists -> {
                    EngineResponse keyword = lists.get(0);
                    EngineResponse nearest = lists.get(1);
                    if (keyword.error() != null) {
                        throw new IllegalStateException("OpenSearch refused a search: " + keyword.error());
                    }
                    if (nearest.error() != null || nearest.ids().isEmpty()) {
                        return CompletableFuture.completedFuture(new Outcome(null, 0, keyword));
                    }
                    return page(request, cursor, asOf, keyword, nearest, asked);
                });
    }

    private CompletableFuture<Outcome> page(
            SearchParameters request,
            Cursor cursor,
            long asOf,
            EngineResponse keyword,
            EngineResponse nearest,
            long asked) {
        boolean hybrid = request.mode() == SearchParameters.Mode.HYBRID;
        Fusion.Ranked meaning = Fusion.Ranked.uniform(nearest.ids(), 1);
        List<Fusion.Ranked> lists = hybrid
                ? List.of(keywordList(TextQuery.coverable(request.query()), keyword), meaning)
                : List.of(meaning);
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        boolean byEpisode = request.group() == SearchParameters.Group.EPISODE;
        int perEpisode = Math.min(request.moments() * 2, 20);
        List<Fusion.Episode> episodes = Fusion.episodes(lists);
        List<Fusion.Moment> moments = byEpisode ? List.of() : Fusion.moments(lists);
        int available = byEpisode ? episodes.size() : moments.size();
        int to = Math.min(from + request.size(), available);
        List<String> ids = new ArrayList<>();
        if (byEpisode) {
            episodes.subList(Math.min(from, to), to)
                    .forEach(e -> ids.addAll(e.moments()
                            .subList(0, Math.min(perEpisode, e.moments().size()))));
        } else {
            moments.subList(Math.min(from, to), to).forEach(m -> ids.add(m.id()));
        }
        long total = byEpisode ? total(hybrid, keyword, episodes) : available;
        String next =
                to < available ? new Cursor(Cursor.VERSION, request.fingerprint(), asOf, to, null).encode(json) : null;
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(
                    answer(request, keyword, List.of(), total, null, keyword.took() + nearest.took()),
                    System.nanoTime() - asked,
                    keyword));
        }
        return engine.search(FusedRequests.fetch(request, ids)).thenApply(fetched -> {
            long engineNanos = System.nanoTime() - asked;
            Map<String, EngineResponse.Hit> byId = new HashMap<>();
            fetched.hits().hits().forEach(h -> byId.put(h.id(), h));
            List<SearchResults.Result> results = byEpisode
                    ? episodes.subList(Math.min(from, to), to).stream()
                            .map(e -> episode(e, byId, request.moments()))
                            .filter(r -> r != null)
                            .toList()
                    : moments.subList(Math.min(from, to), to).stream()
                            .filter(m -> byId.containsKey(m.id()))
                            .map(m -> ResultShaper.moment(byId.get(m.id()), m.score()))
                            .toList();
            long took = keyword.took() + nearest.took() + fetched.took();
            return new Outcome(answer(request, keyword, results, total, next, took), engineNanos, keyword);
        });
    }

    /**
     * The keyword list, each hit weighted by how many of the query's words it has ({@link TextQuery#COVER} per word):
     * all of them, and it counts twice (the words were found as typed: a title or notes match is not outvoted by
     * moments that merely mean something alike); a few, and it counts little (a paraphrase shares only incidental words
     * with its keyword hits, and the meaning list should choose the episodes and the moments).
     */
    static Fusion.Ranked keywordList(int words, EngineResponse keyword) {
        List<EngineResponse.Hit> hits = keyword.hits().hits();
        double[] weights = new double[hits.size()];
        for (int i = 0; i < weights.length; i++) {
            Double score = hits.get(i).score();
            double covered = words == 0 || score == null ? 1 : Math.min(1, Math.floor(score / TextQuery.COVER) / words);
            weights[i] = WEIGHT_ALL_WORDS * covered * covered * covered;
        }
        return new Fusion.Ranked(keyword.ids(), weights);
    }

    private static SearchResults.Result episode(Fusion.Episode e, Map<String, EngineResponse.Hit> byId, int wanted) {
        List<EngineResponse.Hit> hits =
                e.moments().stream().filter(byId::containsKey).map(byId::get).toList();
        if (hits.isEmpty()) { // deleted between the two calls
            return null;
        }
        return new SearchResults.Result(
                ResultShaper.summary(hits.getFirst().source()), e.score(), ResultShaper.passages(hits, wanted, true));
    }

    /** The keyword search's episode count, plus the episodes only the semantic list found. */
    private static long total(boolean hybrid, EngineResponse keyword, List<Fusion.Episode> episodes) {
        if (!hybrid) {
            return episodes.size();
        }
        Set<String> byKeyword = new HashSet<>();
        keyword.ids().forEach(id -> byKeyword.add(Fusion.episodeOf(id)));
        long onlySemantic =
                episodes.stream().filter(e -> !byKeyword.contains(e.id())).count();
        return Facets.total(keyword) + onlySemantic;
    }

    private static SearchResults answer(
            SearchParameters request,
            EngineResponse keyword,
            List<SearchResults.Result> results,
            long total,
            String next,
            long took) {
        return new SearchResults(
                total,
                took,
                request.mode().name().toLowerCase(java.util.Locale.ROOT),
                results,
                Facets.read(request, keyword),
                next,
                null);
    }
}
