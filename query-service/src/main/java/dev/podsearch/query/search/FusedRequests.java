package dev.podsearch.query.search;

import dev.podsearch.search.Indices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;

/**
 * The engine requests of semantic and hybrid searches: the ranked lists to fuse (moment ids only: no source, no
 * highlight), then the chosen page's moments, fetched by id with their highlights.
 */
final class FusedRequests {

    /** The field of a moment's vector. */
    static final String VECTOR = MeaningQuery.VECTOR;

    private FusedRequests() {}

    /**
     * The keyword list: the best moments of the ranked text query, as ids, with the episode count and facets (which a
     * fused answer reports as the keyword search counts them).
     */
    static SearchRequest keywordList(
            SearchParameters request, long asOf, boolean since, int size, WordStats stats, double wordFloor) {
        Map<SearchParameters.Facet, Query> facetFilters = SearchFilters.facets(request);
        Double minScore = TextQuery.minScore(request.query(), wordFloor);
        Query query = Query.of(q -> q.bool(b -> {
            b.must(TextQuery.ranked(request.query(), stats));
            SearchFilters.plain(request).forEach(b::filter);
            if (since) {
                b.filter(asOf(asOf));
            }
            return b;
        }));
        return SearchRequest.of(s -> {
            s.index(Indices.MOMENTS)
                    .query(query)
                    .size(size)
                    .source(c -> c.fetch(false))
                    .trackTotalHits(t -> t.enabled(false))
                    .aggregations(Facets.aggregations(request, facetFilters));
            if (!facetFilters.isEmpty()) {
                s.postFilter(SearchFilters.all(facetFilters.values()));
            }
            if (minScore != null) {
                s.minScore(minScore);
            }
            return s;
        });
    }

    /**
     * The semantic list: the moments near the query's vector, up to {@code k} of them, each at least {@code floor}
     * close once corrected for hubness ({@link MeaningQuery}: nearest neighbours exist for any text, nonsense too);
     * every filter, and the query's strict parts (phrases, {@code -exclusions}, {@code a OR b}), applied inside the
     * graph search.
     */
    static SearchRequest nearest(
            SearchParameters request, float[] vector, long asOf, boolean since, int k, double floor) {
        List<Query> filters = new ArrayList<>();
        filters.add(SearchFilters.everything(request));
        filters.add(TextQuery.bounds(request.query()));
        if (since) {
            filters.add(asOf(asOf));
        }
        Query filter = SearchFilters.all(filters);
        return SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .query(MeaningQuery.of(vector, filter, floor))
                .minScore(floor)
                .size(k)
                .source(c -> c.fetch(false))
                .trackTotalHits(t -> t.enabled(false)));
    }

    /**
     * The chosen moments, with what a result shows of them, their matches marked and which of the query's words each
     * has (the ranked query's named parts); still under the query's strict parts, should a moment have changed since.
     */
    static SearchRequest fetch(SearchParameters request, List<String> ids, WordStats stats) {
        Query ranked = TextQuery.ranked(request.query(), stats);
        return SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(ids)))
                        .filter(TextQuery.bounds(request.query()))
                        .should(ranked)))
                .size(ids.size())
                .source(EngineRequests.SHOWN)
                .highlight(EngineRequests.highlight(ranked)));
    }

    private static Query asOf(long asOf) {
        return Query.of(f -> f.range(r -> r.field("addedAt").lte(JsonData.of(asOf))));
    }
}
