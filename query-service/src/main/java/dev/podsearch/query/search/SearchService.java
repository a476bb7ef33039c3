package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.query.QueryConfig;
import dev.podsearch.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a search in its mode: keyword ({@link EngineRequests}, shaped by {@link ResultShaper} and {@link Facets}), or
 * semantic and hybrid ({@link FusedSearch}), which fall back to keyword, and say so, when there is no model or the
 * index has no vectors. A search whose words found little carries a spelling suggestion ({@link DidYouMean}).
 */
@ApplicationScoped
public class SearchService {

    @Inject
    EngineCalls engine;

    @Inject
    FusedSearch fused;

    @Inject
    QueryVectors vectors;

    @Inject
    DidYouMean didYouMean;

    @Inject
    WordStatistics words;

    @Inject
    QueryConfig config;

    @Inject
    ObjectMapper json;

    /** A search's results, and how long the engine calls took (sent to answer read), for {@code Server-Timing}. */
    public record Answer(SearchResults results, long engineNanos) {

        /** The same answer, saying why it ran by keyword. */
        Answer degradedBy(String reason) {
            return new Answer(results.degradedBy(reason), engineNanos);
        }
    }

    /** Why a search by meaning ran by keyword when no moment has a vector yet. */
    static final String NOT_EMBEDDED =
            "no episode searched has its meaning vectors yet (the embed stage has not run); searched by keyword";

    /**
     * Runs a search without blocking: engine requests are sent from the calling thread and answers read and shaped on
     * the client's I/O thread once they have arrived (no worker thread waits for the engine); a query's vector is
     * computed off the event loop. The query's word statistics come first (cached: see {@link WordStatistics}).
     */
    public CompletableFuture<Answer> search(SearchParameters request) {
        Cursor cursor = request.cursor() == null ? null : Cursor.decode(json, request.cursor(), request.fingerprint());
        long asOf = cursor != null ? cursor.asOf() : System.currentTimeMillis();
        boolean byMeaning =
                request.mode() != SearchParameters.Mode.KEYWORD && request.sort() == SearchParameters.Sort.RELEVANCE;
        CompletableFuture<QueryVector> vector =
                byMeaning ? vectors.of(request.query().meaning()) : CompletableFuture.completedFuture(null);
        return words.of(request.query()).thenCompose(stats -> {
            if (!byMeaning) {
                return keyword(request, cursor, asOf, stats);
            }
            return vector.thenCompose(qv -> {
                if (qv.vector() == null) {
                    return keyword(request, cursor, asOf, stats).thenApply(a -> a.degradedBy(qv.degraded()));
                }
                return fused.search(request, qv.vector(), cursor, asOf, stats)
                        .thenCompose(outcome -> outcome.results() == null
                                ? keyword(request, cursor, asOf, stats).thenApply(a -> a.degradedBy(NOT_EMBEDDED))
                                : withSuggestion(request, stats, new Answer(outcome.results(), outcome.engineNanos())));
            });
        });
    }

    private CompletableFuture<Answer> keyword(SearchParameters request, Cursor cursor, long asOf, WordStats stats) {
        boolean byEpisode = request.group() == SearchParameters.Group.EPISODE;
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        if (byEpisode && (long) from + request.size() > EngineRequests.MAX_EPISODE_WINDOW) {
            throw ProblemException.badParameter(
                    "cursor",
                    "grouped by episode, results can be paged up to " + EngineRequests.MAX_EPISODE_WINDOW
                            + " episodes; narrow the search with filters, or use group=moment");
        }
        long asked = System.nanoTime();
        return engine.search(EngineRequests.keyword(request, cursor, asOf, stats, config.wordFloor()))
                .thenCompose(response -> {
                    long engineNanos = System.nanoTime() - asked; // sent to answer read, before the results are shaped
                    Answer answer = new Answer(results(request, stats, response, byEpisode, from, asOf), engineNanos);
                    return withSuggestion(request, stats, answer);
                });
    }

    /**
     * The answer with a suggestion: the corrected query when misspelled words were corrected; else, when no result has
     * every word, a close spelling the transcripts use more ({@link DidYouMean}).
     */
    private CompletableFuture<Answer> withSuggestion(SearchParameters request, WordStats stats, Answer answer) {
        if (stats.correctedQuery() != null) {
            return CompletableFuture.completedFuture(withSuggestion(
                    answer, new SearchResults.Suggestion(stats.correctedQuery(), stats.correctedEpisodes())));
        }
        if (request.cursor() != null || !foundLittle(answer.results())) {
            return CompletableFuture.completedFuture(answer);
        }
        return didYouMean.suggest(request.query(), request).thenApply(suggestion -> withSuggestion(answer, suggestion));
    }

    private static Answer withSuggestion(Answer answer, SearchResults.Suggestion suggestion) {
        SearchResults r = answer.results();
        return new Answer(
                new SearchResults(
                        r.total(),
                        r.totalRelation(),
                        r.took(),
                        r.mode(),
                        r.degraded(),
                        r.correctedQuery(),
                        r.results(),
                        r.facets(),
                        r.nextCursor(),
                        suggestion),
                answer.engineNanos());
    }

    /** Whether a search found little: no result, or none whose best moment has every word (or the phrase). */
    static boolean foundLittle(SearchResults results) {
        return results.results().stream()
                .flatMap(r -> r.moments().stream())
                .noneMatch(m -> m.matchedBy() == MatchKind.WORDS || m.matchedBy() == MatchKind.PHRASE);
    }

    private SearchResults results(
            SearchParameters request,
            WordStats stats,
            EngineResponse response,
            boolean byEpisode,
            int from,
            long asOf) {
        Matching matching = Matching.of(request.query(), stats, config.wordFloor());
        List<SearchResults.Result> results = new ArrayList<>();
        List<EngineResponse.Hit> hits = response.hits().hits();
        for (EngineResponse.Hit hit : hits) {
            results.add(
                    byEpisode
                            ? ResultShaper.episode(hit, request.moments(), matching, request.momentOrder())
                            : ResultShaper.moment(hit, kindOf(hit, matching)));
        }
        long matched = byEpisode
                ? Facets.total(response)
                : response.hits().total() == null ? 0 : response.hits().total().value();
        boolean bounded = byEpisode
                ? matched > EngineRequests.MAX_EPISODE_WINDOW
                : response.hits().total() != null
                        && SearchResults.LOWER_BOUND.equals(
                                response.hits().total().relation());
        long total = Math.min(matched, EngineRequests.MAX_EPISODE_WINDOW);
        String next = null;
        if (hits.size() == request.size()) {
            if (byEpisode && from + hits.size() < total) {
                next = new Cursor(Cursor.VERSION, request.fingerprint(), asOf, from + hits.size(), null).encode(json);
            } else if (!byEpisode) {
                next = new Cursor(
                                Cursor.VERSION,
                                request.fingerprint(),
                                asOf,
                                null,
                                hits.getLast().sort())
                        .encode(json);
            }
        }
        return new SearchResults(
                byEpisode ? total : matched,
                bounded ? SearchResults.LOWER_BOUND : SearchResults.EXACT,
                response.took(),
                "keyword",
                null,
                stats.correctedQuery(),
                results,
                Facets.read(request, response),
                next,
                null);
    }

    private static MatchKind kindOf(EngineResponse.Hit hit, Matching matching) {
        MatchKind kind = matching.kind(hit);
        return kind != null ? kind : MatchKind.PARTIAL;
    }
}
