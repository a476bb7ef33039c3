package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.query.QueryConfig;
import dev.podsearch.search.Hubness;
import dev.podsearch.support.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * {@code POST /v1/queries/compile}: a search as the query one moment must match to be found, for the alert service,
 * which stores it (one query builder, not two). The same checks as {@code /v1/search}: a bad value is a 400 naming
 * the field as the search names its parameter; the same access rules (under {@code /v1}).
 */
@Path("/v1/queries/compile")
@PermitAll // as /v1/search: public unless query.require-key=true
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CompileResource {

    @Inject
    WordStatistics words;

    @Inject
    QueryVectors vectors;

    @Inject
    QueryConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Operation(
            summary = "Compile a saved search",
            description = "The OpenSearch query a new moment must match for the search to find it by its words"
                    + " (filters, phrases and exclusions included), and for mode=hybrid the query's vector and the"
                    + " meaning floor; what the alert service matches new episodes with")
    public CompletionStage<CompiledQuery> compile(CompileRequest request) {
        if (request == null) {
            throw ProblemException.badParameter("q", "the body must be a JSON object with q");
        }
        UserQuery query = SearchQueries.parse(request.q(), config.maxQueryLength());
        List<Query> filters = filters(query, request);
        boolean hybrid = mode(request.mode());
        double wordFloor = config.wordFloor();
        CompletableFuture<QueryVector> vector =
                hybrid ? vectors.of(query.meaning()) : CompletableFuture.completedFuture(null);
        return words.of(query).thenCombine(vector, (stats, qv) -> {
            JsonNode condition = jsonOf(MomentCondition.of(query, stats, wordFloor, filters));
            JsonNode meaningFilter = jsonOf(MomentCondition.meaningFilter(query, filters));
            if (!hybrid) {
                return new CompiledQuery("keyword", condition, meaningFilter, null, null, null, null, null, null, null);
            }
            return new CompiledQuery(
                    "hybrid",
                    condition,
                    meaningFilter,
                    query.meaning(),
                    qv.vector(),
                    qv.vector() == null ? null : config.meaningFloor(),
                    Hubness.MIN,
                    Hubness.TYPICAL,
                    Hubness.WEIGHT,
                    qv.degraded());
        });
    }

    private JsonNode jsonOf(Query query) {
        try {
            return json.readTree(query.toJsonString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write a compiled query", e);
        }
    }

    /** The facet filters, built as the search builds them ({@link SearchFilters#facets}). */
    private static List<Query> filters(UserQuery query, CompileRequest request) {
        SearchParameters asSearch = new SearchParameters(
                query,
                FilterValues.names("show", request.show()),
                FilterValues.names("speaker", request.speaker()),
                FilterValues.languages("lang", request.lang() == null ? List.of() : List.of(request.lang())),
                null,
                null,
                null,
                SearchParameters.Group.MOMENT,
                SearchParameters.Sort.RELEVANCE,
                Set.of(),
                SearchParameters.Mode.KEYWORD,
                1,
                1,
                SearchParameters.MomentOrder.RELEVANCE,
                null);
        return List.copyOf(SearchFilters.facets(asSearch).values());
    }

    private static boolean mode(String mode) {
        String value = mode == null || mode.isBlank() ? "keyword" : mode.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "keyword" -> false;
            case "hybrid" -> true;
            default ->
                throw ProblemException.badParameter(
                        "mode", "mode '" + mode.strip() + "' is not one of keyword, hybrid");
        };
    }
}
