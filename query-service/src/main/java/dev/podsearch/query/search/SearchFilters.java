package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * A search's filters. Plain filters (episode, dates) narrow hits and counts alike; facet filters (show, speaker,
 * language) go to the post filter, so each facet can be counted under every filter but its own.
 */
final class SearchFilters {

    private SearchFilters() {}

    /** Filters that are not facets: they narrow hits and counts alike. */
    static List<Query> plain(SearchParameters request) {
        List<Query> filters = new ArrayList<>();
        if (request.episode() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("episodeId").value(FieldValue.of(request.episode())))));
        }
        if (request.publishedAfter() != null || request.publishedBefore() != null) {
            filters.add(Query.of(q -> q.range(r -> {
                r.field("publishedAt");
                if (request.publishedAfter() != null) {
                    r.gte(JsonData.of(request.publishedAfter().toString()));
                }
                if (request.publishedBefore() != null) {
                    r.lt(JsonData.of(request.publishedBefore().toString()));
                }
                return r;
            })));
        }
        return filters;
    }

    static Map<SearchParameters.Facet, Query> facets(SearchParameters request) {
        Map<SearchParameters.Facet, Query> filters = new EnumMap<>(SearchParameters.Facet.class);
        if (!request.shows().isEmpty()) {
            List<FieldValue> shows =
                    request.shows().stream().map(FieldValue::of).toList();
            filters.put(
                    SearchParameters.Facet.SHOW,
                    Query.of(q -> q.terms(t -> t.field("show").terms(v -> v.value(shows)))));
        }
        if (request.speaker() != null) {
            filters.put(
                    SearchParameters.Facet.SPEAKER,
                    Query.of(q -> q.term(t -> t.field("speaker").value(FieldValue.of(request.speaker())))));
        }
        if (request.language() != null) {
            filters.put(
                    SearchParameters.Facet.LANG,
                    Query.of(q -> q.term(t -> t.field("language").value(FieldValue.of(request.language())))));
        }
        return filters;
    }

    /** Every filter of the request, facets included: what a k-NN search applies inside its graph search. */
    static Query everything(SearchParameters request) {
        List<Query> all = new ArrayList<>(plain(request));
        all.addAll(facets(request).values());
        return all(all);
    }

    static Query all(Collection<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(new ArrayList<>(filters))));
    }
}
