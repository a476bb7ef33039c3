package dev.podsearch.query.trends;

import dev.podsearch.query.search.FilterParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * A chart's filters, as {@code /v1/search} takes them ({@link FilterParameters}), as the engine's filter clauses: so a
 * chart drawn beside a search counts the same moments.
 */
record TrendFilters(List<String> shows, List<String> speakers, List<String> languages, Instant after, Instant before) {

    static TrendFilters of(FilterParameters.Checked checked) {
        return new TrendFilters(
                checked.shows(), checked.speakers(), checked.languages(), checked.after(), checked.before());
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
