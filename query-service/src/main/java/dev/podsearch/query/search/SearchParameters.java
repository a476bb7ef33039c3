package dev.podsearch.query.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A validated search. Null filters are absent, empty lists too (several values of one are alternatives); a null cursor
 * asks for the first page.
 */
public record SearchParameters(
        UserQuery query,
        List<String> shows,
        List<String> speakers,
        List<String> languages,
        Instant publishedAfter,
        Instant publishedBefore,
        String episode,
        Group group,
        Sort sort,
        Set<Facet> facets,
        Mode mode,
        int size,
        int moments,
        MomentOrder momentOrder,
        String cursor) {

    /** No values of a facet: an empty list, never null (callers outside the resource build these too). */
    public SearchParameters {
        shows = shows == null ? List.of() : shows;
        speakers = speakers == null ? List.of() : speakers;
        languages = languages == null ? List.of() : languages;
        facets = facets == null ? Set.of() : facets;
    }

    /** What a cursor continues: everything but the page size, the moments per episode, facets and the cursor. */
    public String fingerprint() {
        return Cursor.fingerprint(java.util.Arrays.asList(
                        query, shows, speakers, languages, publishedAfter, publishedBefore, episode, group, sort, mode)
                .toString());
    }

    /** How the text is matched: by its words, by its meaning (nearest vectors), or both lists fused. */
    public enum Mode {
        KEYWORD,
        SEMANTIC,
        HYBRID
    }

    /** How a result's moments are listed: the best first (what a client showing one moment should show), or by time. */
    public enum MomentOrder {
        RELEVANCE,
        TIME
    }

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
