package dev.podsearch.query.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.search.MomentDocument;
import java.util.List;
import java.util.Map;

/**
 * The part of OpenSearch's {@code _search} answer a search reads, bound by Jackson in one pass. (The typed client's
 * response model goes through JSON-P and re-reads every inner hit's source; on 2 shared cores that parse was a fifth
 * of the service's CPU.)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EngineResponse(long took, Hits hits, JsonNode aggregations, JsonNode suggest, JsonNode error) {

    EngineResponse {
        hits = hits == null ? new Hits(List.of()) : hits;
        suggest = suggest == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : suggest;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hits(List<Hit> hits, Total total) {
        Hits {
            hits = hits == null ? List.of() : hits;
        }

        Hits(List<Hit> hits) {
            this(hits, null);
        }
    }

    /** {@code hits.total}: how many hits there are ({@code eq}), or at least ({@code gte}); only when tracked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Total(long value, String relation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(
            @JsonProperty("_id") String id,
            @JsonProperty("_score") Double score,
            @JsonProperty("_source") MomentDocument source,
            Map<String, List<String>> highlight,
            @JsonProperty("inner_hits") Map<String, InnerHits> innerHits,
            List<Object> sort,
            @JsonProperty("matched_queries") List<String> matchedQueries) {
        Hit {
            matchedQueries = matchedQueries == null ? List.of() : matchedQueries;
            highlight = highlight == null ? Map.of() : highlight;
            innerHits = innerHits == null ? Map.of() : innerHits;
            sort = sort == null ? List.of() : sort;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InnerHits(Hits hits) {}

    /** The answer of {@code _msearch}: one answer (or error) per search, in order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Multi(List<EngineResponse> responses) {}

    /** The ids of the hits, in order. */
    List<String> ids() {
        return hits.hits().stream().map(Hit::id).toList();
    }

    /** {@code aggregations.<filtered>.<inner>}: the aggregate inside a filter aggregation. */
    JsonNode inside(String filtered, String inner) {
        return aggregations == null
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : aggregations.path(filtered).path(inner);
    }
}
