package dev.podsearch.query.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A validated search. Null filters are absent. */
public record SearchRequest(
        UserQuery query,
        List<String> shows,
        String speaker,
        String language,
        Instant publishedAfter,
        Instant publishedBefore,
        String episode,
        Group group,
        Sort sort,
        Set<Facet> facets,
        int size,
        int moments) {

    public enum Group {
        EPISODE,
        MOMENT
    }

    public enum Sort {
        RELEVANCE,
        DATE
    }

    /** A facet, the field it counts, and the request filter that selects one of its values. */
    public enum Facet {
        SHOW("show"),
        SPEAKER("speaker"),
        LANG("language"),
        YEAR("publishedAt");

        private final String field;

        Facet(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
