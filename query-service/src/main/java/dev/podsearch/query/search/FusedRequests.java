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
    static final String VECTOR = "embedding";

    private FusedRequests() {}

    /**
     * The keyword list: the best moments of the ranked text query, as ids, with the episode count and facets (which a
     * fused answer reports as the keyword search counts them).
     */
    static SearchRequest keywordList(SearchParameters request, long asOf, boolean since, int size) {
        Map<SearchParameters.Facet, Query> facetFilters = SearchFilters.facets(request);
        Query query = Query.of(q -> q.bool(b -> {
            b.must(TextQuery.ranked(request.query()));
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
            return s;
        });
    }

    /** The semantic list: the moments nearest the query's vector, every filter applied inside the graph search. */
    static SearchRequest nearest(SearchParameters request, float[] vector, long asOf, boolean since, int k) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        List<Query> filters = new ArrayList<>();
        filters.add(SearchFilters.everything(request));
        if (since) {
            filters.add(asOf(asOf));
        }
        Query filter = SearchFilters.all(filters);
        return SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .query(q -> q.knn(n -> n.field(VECTOR).vector(values).k(k).filter(filter)))
                .size(k)
                .source(c -> c.fetch(false))
                .trackTotalHits(t -> t.enabled(false)));
    }

    /** The chosen moments, with what a result shows of them and their matches marked. */
    static SearchRequest fetch(SearchParameters request, List<String> ids) {
        return SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .query(q -> q.ids(i -> i.values(ids)))
                .size(ids.size())
                .source(EngineRequests.SHOWN)
                .highlight(EngineRequests.highlight(TextQuery.ranked(request.query()))));
    }

    private static Query asOf(long asOf) {
        return Query.of(f -> f.range(r -> r.field("addedAt").lte(JsonData.of(asOf))));
    }
}
