package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    ObjectMapper json;

    /** A search's results, and how long the engine calls took (sent to answer read), for {@code Server-Timing}. */
    public record Answer(SearchResults results, long engineNanos) {}

    /**
     * Runs a search without blocking: engine requests are sent from the calling thread and answers read and shaped on
     * the client's I/O thread once they have arrived (no worker thread waits for the engine); a query's vector is
     * computed off the event loop.
     */
    public CompletableFuture<Answer> search(SearchParameters request) {
        Cursor cursor = request.cursor() == null ? null : Cursor.decode(json, request.cursor(), request.fingerprint());
        long asOf = cursor != null ? cursor.asOf() : System.currentTimeMillis();
        boolean byMeaning =
                request.mode() != SearchParameters.Mode.KEYWORD && request.sort() == SearchParameters.Sort.RELEVANCE;
        if (!byMeaning) {
            return keyword(request, cursor, asOf);
        }
        return vectors.of(request.query().meaning()).thenCompose(qv -> {
            if (qv.vector() == null) {
                return keyword(request, cursor, asOf);
            }
            return fused.search(request, qv.vector(), cursor, asOf)
                    .thenCompose(outcome -> outcome.results() == null
                            ? keyword(request, cursor, asOf)
                            : withSuggestion(
                                    request, outcome.keyword(), new Answer(outcome.results(), outcome.engineNanos())));
        });
    }

    private CompletableFuture<Answer> keyword(SearchParameters request, Cursor cursor, long asOf) {
        boolean byEpisode = request.group() == SearchParameters.Group.EPISODE;
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        if (byEpisode && from + request.size() > EngineRequests.MAX_EPISODE_WINDOW) {
            throw ProblemException.badParameter(
                    "cursor",
                    "grouped by episode, results can be paged up to " + EngineRequests.MAX_EPISODE_WINDOW
                            + " episodes; narrow the search with filters, or use group=moment");
        }
        long asked = System.nanoTime();
        return engine.search(EngineRequests.keyword(request, cursor, asOf)).thenCompose(response -> {
            long engineNanos = System.nanoTime() - asked; // sent to answer read, before the results are shaped
            Answer answer = new Answer(results(request, response, byEpisode, from, asOf), engineNanos);
            return withSuggestion(request, response, answer);
        });
    }

    /** The answer, with a spelling suggestion when the words found little. */
    private CompletableFuture<Answer> withSuggestion(SearchParameters request, EngineResponse keyword, Answer answer) {
        if (request.cursor() != null || !DidYouMean.foundLittle(request.query(), keyword)) {
            return CompletableFuture.completedFuture(answer);
        }
        return didYouMean.suggest(request.query(), request).thenApply(suggestion -> {
            SearchResults r = answer.results();
            return new Answer(
                    new SearchResults(
                            r.total(), r.took(), r.mode(), r.results(), r.facets(), r.nextCursor(), suggestion),
                    answer.engineNanos());
        });
    }

    private SearchResults results(
            SearchParameters request, EngineResponse response, boolean byEpisode, int from, long asOf) {
        List<SearchResults.Result> results = new ArrayList<>();
        List<EngineResponse.Hit> hits = response.hits().hits();
        for (EngineResponse.Hit hit : hits) {
            results.add(byEpisode ? ResultShaper.episode(hit, request.moments()) : ResultShaper.moment(hit));
        }
        long total = Facets.total(response);
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
                total, response.took(), "keyword", results, Facets.read(request, response), next, null);
    }
}
