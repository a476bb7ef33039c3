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
        terms(filters, SearchParameters.Facet.SHOW, request.shows());
        terms(filters, SearchParameters.Facet.SPEAKER, request.speakers());
        terms(filters, SearchParameters.Facet.LANG, request.languages());
        return filters;
    }

    /** Any of the values (OR within a facet); absent when there are none. */
    private static void terms(
            Map<SearchParameters.Facet, Query> filters, SearchParameters.Facet facet, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<FieldValue> any = values.stream().map(FieldValue::of).toList();
        filters.put(facet, Query.of(q -> q.terms(t -> t.field(facet.field()).terms(v -> v.value(any)))));
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
