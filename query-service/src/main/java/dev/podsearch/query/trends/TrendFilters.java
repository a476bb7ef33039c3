package dev.podsearch.query.trends;

import dev.podsearch.query.search.FilterValues;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * A chart's filters, named and checked as {@code /v1/search} names and checks them, so a chart drawn beside a search
 * counts the same moments: shows, speakers and languages (each repeatable, any of its values), and the publication
 * range (after inclusive, before exclusive).
 */
record TrendFilters(List<String> shows, List<String> speakers, List<String> languages, Instant after, Instant before) {

    static TrendFilters of(
            List<String> shows,
            List<String> speakers,
            List<String> langs,
            String publishedAfter,
            String publishedBefore) {
        Instant after = RequestParameters.instant("publishedAfter", publishedAfter);
        Instant before = RequestParameters.instant("publishedBefore", publishedBefore);
        if (after != null && before != null && !after.isBefore(before)) {
            throw ProblemException.badParameter("publishedBefore", "publishedBefore must be later than publishedAfter");
        }
        return new TrendFilters(
                FilterValues.names("show", shows),
                FilterValues.names("speaker", speakers),
                FilterValues.languages("lang", langs),
                after,
                before);
    }

    /** The engine's filter clauses: one per filter given. */
    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        terms(queries, "show", shows);
        terms(queries, "speaker", speakers);
        terms(queries, "language", languages);
        if (after != null || before != null) {
            queries.add(Query.of(q -> q.range(r -> {
                r.field("publishedAt");
                if (after != null) {
                    r.gte(JsonData.of(after.toString()));
                }
                if (before != null) {
                    r.lt(JsonData.of(before.toString()));
                }
                return r;
            })));
        }
        return queries;
    }

    private static void terms(List<Query> queries, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> any = values.stream().map(FieldValue::of).toList();
            queries.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(any)))));
        }
    }
}
