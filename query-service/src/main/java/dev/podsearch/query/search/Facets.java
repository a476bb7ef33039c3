package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/** The episode count and the facet counts of a search: asked as aggregations, read back from the answer. */
final class Facets {

    static final String EPISODES = "episodes";
    private static final String VALUES = "values";

    private Facets() {}

    /** The episode count under every filter, and each requested facet under every filter but its own. */
    static Map<String, Aggregation> aggregations(
            SearchParameters request, Map<SearchParameters.Facet, Query> facetFilters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(EPISODES, filtered(SearchFilters.all(facetFilters.values()), EPISODES, episodeCount()));
        for (SearchParameters.Facet facet : request.facets()) {
            Map<SearchParameters.Facet, Query> others = new EnumMap<>(facetFilters);
            others.remove(facet);
            Aggregation values = facet == SearchParameters.Facet.YEAR
                    ? Aggregation.of(a -> a.dateHistogram(d -> d.field(facet.field())
                                    .calendarInterval(CalendarInterval.Year)
                                    .format("yyyy")
                                    .minDocCount(1))
                            .aggregations(EPISODES, episodeCount()))
                    : Aggregation.of(
                            a -> a.terms(t -> t.field(facet.field()).size(20)).aggregations(EPISODES, episodeCount()));
            aggregations.put(facet.name(), filtered(SearchFilters.all(others.values()), VALUES, values));
        }
        return aggregations;
    }

    /** How many episodes matched, under every filter. */
    static long total(EngineResponse response) {
        return response.inside(EPISODES, EPISODES).path("value").asLong();
    }

    static Map<String, List<SearchResults.FacetValue>> read(SearchParameters request, EngineResponse response) {
        if (request.facets().isEmpty()) {
            return null;
        }
        Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
        for (SearchParameters.Facet facet : request.facets()) {
            List<SearchResults.FacetValue> counts = new ArrayList<>();
            for (JsonNode bucket : response.inside(facet.name(), VALUES).path("buckets")) {
                String value = facet == SearchParameters.Facet.YEAR
                        ? bucket.path("key_as_string").asText()
                        : bucket.path("key").asText();
                counts.add(new SearchResults.FacetValue(
                        value, bucket.path(EPISODES).path("value").asLong()));
            }
            counts.sort(Comparator.comparingLong(SearchResults.FacetValue::count)
                    .reversed()
                    .thenComparing(SearchResults.FacetValue::value));
            facets.put(facet.name().toLowerCase(Locale.ROOT), counts);
        }
        return facets;
    }

    private static Aggregation episodeCount() {
        return Aggregation.of(a -> a.cardinality(c -> c.field("episodeId")));
    }

    private static Aggregation filtered(Query filter, String name, Aggregation inner) {
        return Aggregation.of(a -> a.filter(filter).aggregations(name, inner));
    }
}
