package dev.podsearch.query.search;

import java.util.Objects;

/**
 * A query's vector, or why there is none: exactly one of the two is set. {@code degraded} is a sentence for the user
 * (the search then ran by keyword), e.g. "the meaning model is still loading; searched by keyword".
 */
public record QueryVector(float[] vector, String degraded) {

    public QueryVector {
        if ((vector == null) == (degraded == null)) {
            throw new IllegalArgumentException("a query vector has either a vector or a reason why not, not both");
        }
    }

    static QueryVector of(float[] vector) {
        return new QueryVector(Objects.requireNonNull(vector), null);
    }

    static QueryVector keyword(String degraded) {
        return new QueryVector(null, Objects.requireNonNull(degraded));
    }
}
