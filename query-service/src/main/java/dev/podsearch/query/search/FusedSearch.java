package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.query.QueryConfig;
import dev.podsearch.search.Indices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import org.opensearch.client.opensearch.core.SearchRequest;

/**
 * Semantic and hybrid searches. One {@code _msearch} asks for the keyword list (the moments with enough of the query's
 * words, best first, with which words each has, the episode count and facets) and the semantic list (the moments close
 * enough in meaning, under the same filters and the query's strict parts, applied inside the k-NN search); the lists
 * are fused by reciprocal rank ({@link Fusion}), words before meaning in hybrid searches ({@link Fusion#tiered}),
 * grouped per episode unless flat moments were asked for, and the page's moments are fetched by id with their
 * highlights and how each matched. When the index has no vectors at all, the answer is the keyword search's, and says
 * so.
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
     * @param keyword the keyword list's answer
     */
    record Outcome(SearchResults results, long engineNanos, EngineResponse keyword) {}

    CompletableFuture<Outcome> search(
            SearchParameters request, float[] vector, Cursor cursor, long asOf, WordStats stats) {
        int window = config.fusionWindow();
        boolean since = cursor != null;
        long asked = System.nanoTime();
        return engine.multi(List.of(
                        FusedRequests.keywordList(request, asOf, since, window, stats, config.wordFloor()),
                        FusedRequests.nearest(request, vector, asOf, since, window, config.meaningFloor()),
                        anyVector(request)))
                .thenCompose(lists -> {
                    EngineResponse keyword = lists.get(0);
                    EngineResponse nearest = lists.get(1);
                    if (keyword.error() != null) {
                        throw new IllegalStateException("OpenSearch refused a search: " + keyword.error());
                    }
                    if (nearest.error() != null
                            || lists.get(2).hits().total() == null
                            || lists.get(2).hits().total().value() == 0) {
                        return CompletableFuture.completedFuture(new Outcome(null, 0, keyword));
                    }
                    return page(request, cursor, asOf, stats, keyword, nearest, asked);
                });
    }

    /**
     * Whether any moment under the search's filters has a vector: with none, those episodes were not embedded yet (not:
     * nothing was close enough), and the search runs by keyword.
     */
    private static SearchRequest anyVector(SearchParameters request) {
        return SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .size(0)
                .terminateAfter(1L)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field(FusedRequests.VECTOR)))
                        .filter(SearchFilters.everything(request)))));
    }

    private CompletableFuture<Outcome> page(
            SearchParameters request,
            Cursor cursor,
            long asOf,
            WordStats stats,
            EngineResponse keyword,
            EngineResponse nearest,
            long asked) {
        boolean hybrid = request.mode() == SearchParameters.Mode.HYBRID;
        Matching matching = Matching.of(request.query(), stats, config.wordFloor());
        Map<String, Coverage> coverage = new HashMap<>();
        keyword.hits().hits().forEach(h -> coverage.put(h.id(), matching.coverage(h)));
        Fusion.Ranked meaning = Fusion.Ranked.uniform(nearest.ids(), 1);
        List<Fusion.Ranked> lists = hybrid ? List.of(keywordList(keyword.ids(), coverage), meaning) : List.of(meaning);
        ToIntFunction<String> tier = id -> {
            Coverage c = coverage.get(id);
            return !hybrid ? 2 : c != null ? c.tier() : 3;
        };
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        boolean byEpisode = request.group() == SearchParameters.Group.EPISODE;
        int perEpisode = Math.min(request.moments() * 2, 20);
        List<Fusion.Episode> episodes = byEpisode ? Fusion.tiered(Fusion.episodes(lists), tier) : List.of();
        List<Fusion.Moment> moments = byEpisode ? List.of() : Fusion.tieredMoments(Fusion.moments(lists), tier);
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
        int window = config.fusionWindow();
        boolean more = (hybrid && keyword.hits().hits().size() >= window)
                || nearest.hits().hits().size() >= window;
        String relation = more ? SearchResults.LOWER_BOUND : SearchResults.EXACT;
        String next =
                to < available ? new Cursor(Cursor.VERSION, request.fingerprint(), asOf, to, null).encode(json) : null;
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(
                    answer(
                            request,
                            stats,
                            keyword,
                            List.of(),
                            available,
                            relation,
                            null,
                            keyword.took() + nearest.took()),
                    System.nanoTime() - asked,
                    keyword));
        }
        return engine.search(FusedRequests.fetch(request, ids, stats)).thenApply(fetched -> {
            long engineNanos = System.nanoTime() - asked;
            Map<String, EngineResponse.Hit> byId = new HashMap<>();
            fetched.hits().hits().forEach(h -> byId.put(h.id(), h));
            List<SearchResults.Result> results = byEpisode
                    ? episodes.subList(Math.min(from, to), to).stream()
                            .map(e -> episode(e, byId, request, matching, tier))
                            .filter(r -> r != null)
                            .toList()
                    : moments.subList(Math.min(from, to), to).stream()
                            .filter(m -> byId.containsKey(m.id()))
                            .map(m ->
                                    ResultShaper.moment(byId.get(m.id()), m.score(), kind(byId.get(m.id()), matching)))
                            .toList();
            long took = keyword.took() + nearest.took() + fetched.took();
            return new Outcome(
                    answer(request, stats, keyword, results, available, relation, next, took), engineNanos, keyword);
        });
    }

    /**
     * The keyword list, each hit weighted by the share of the query's words it has ({@link Coverage#weight}): all of
     * them, and it counts twice (the words were found as typed: a title or notes match is not outvoted by moments that
     * merely mean something alike); a few, and it counts little (a paraphrase shares only incidental words with its
     * keyword hits, and the meaning list should choose the episodes and the moments).
     */
    static Fusion.Ranked keywordList(List<String> ids, Map<String, Coverage> coverage) {
        double[] weights = new double[ids.size()];
        for (int i = 0; i < weights.length; i++) {
            Coverage c = coverage.get(ids.get(i));
            double covered = c == null ? 1 : c.weight();
            weights[i] = WEIGHT_ALL_WORDS * covered * covered * covered;
        }
        return new Fusion.Ranked(ids, weights);
    }

    /** How a fetched moment matched: by its words, or else by meaning (it came from the meaning list). */
    private static MatchKind kind(EngineResponse.Hit hit, Matching matching) {
        MatchKind kind = matching.kind(hit);
        return kind != null ? kind : MatchKind.MEANING;
    }

    private static SearchResults.Result episode(
            Fusion.Episode e,
            Map<String, EngineResponse.Hit> byId,
            SearchParameters request,
            Matching matching,
            ToIntFunction<String> tier) {
        List<ResultShaper.Candidate> candidates = e.moments().stream()
                .filter(byId::containsKey)
                .map(id -> new ResultShaper.Candidate(byId.get(id), kind(byId.get(id), matching), tier.applyAsInt(id)))
                .toList();
        if (candidates.isEmpty()) { // deleted between the two calls
            return null;
        }
        return new SearchResults.Result(
                ResultShaper.summary(candidates.getFirst().hit().source()),
                e.score(),
                ResultShaper.passages(candidates, request.moments(), true, request.momentOrder()));
    }

    private static SearchResults answer(
            SearchParameters request,
            WordStats stats,
            EngineResponse keyword,
            List<SearchResults.Result> results,
            long total,
            String relation,
            String next,
            long took) {
        return new SearchResults(
                total,
                relation,
                took,
                request.mode().name().toLowerCase(Locale.ROOT),
                null,
                stats.correctedQuery(),
                results,
                Facets.read(request, keyword),
                next,
                null);
    }
}
