package dev.podsearch.query.search;

import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Finds moments and groups them by episode: one search over the moments, collapsed on the episode id, with each
 * episode's best moments as inner hits. The user's text only ever reaches {@code match} queries, never a query
 * parser, so no input can produce an engine error.
 */
@ApplicationScoped
public class SearchService {

    private static final String BEST = "best";

    @Inject
    OpenSearchClient client;

    public record Request(String q, List<String> shows, int size, int moments) {}

    public SearchResults search(Request request) {
        Query query = query(request);
        Highlight highlight = Highlight.of(h -> h.encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .fields("text", f -> f.numberOfFragments(0)));
        try {
            SearchResponse<MomentDocument> response = client.search(
                    s -> s.index(Indices.MOMENTS)
                            .query(query)
                            .size(request.size())
                            .trackTotalHits(t -> t.enabled(true))
                            .collapse(c -> c.field("episodeId").innerHits(ih -> ih.name(BEST)
                                    .size(request.moments())
                                    .highlight(highlight)))
                            .aggregations("episodes", a -> a.cardinality(c -> c.field("episodeId"))),
                    MomentDocument.class);
            List<SearchResults.Result> results = new ArrayList<>();
            for (Hit<MomentDocument> hit : response.hits().hits()) {
                results.add(result(hit));
            }
            long episodes =
                    response.aggregations().get("episodes").cardinality().value();
            return new SearchResults(episodes, response.took(), results);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    private static Query query(Request request) {
        String q = request.q();
        Query words = Query.of(
                b -> b.match(m -> m.field("text").query(FieldValue.of(q)).operator(Operator.And)));
        Query phrase =
                Query.of(b -> b.matchPhrase(m -> m.field("text.exact").query(q).boost(3.0f)));
        return Query.of(b -> b.bool(bool -> {
            bool.should(words).should(phrase).minimumShouldMatch("1");
            if (!request.shows().isEmpty()) {
                List<FieldValue> shows =
                        request.shows().stream().map(FieldValue::of).toList();
                bool.filter(f -> f.terms(t -> t.field("show").terms(v -> v.value(shows))));
            }
            return bool;
        }));
    }

    private static SearchResults.Result result(Hit<MomentDocument> hit) {
        MomentDocument top = hit.source();
        List<SearchResults.Moment> moments = new ArrayList<>();
        var inner = hit.innerHits().get(BEST);
        for (Hit<JsonData> innerHit : inner.hits().hits()) {
            MomentDocument moment = innerHit.source().to(MomentDocument.class);
            moments.add(moment(moment, innerHit.highlight()));
        }
        moments.sort(Comparator.comparing(m -> m.startMs() == null ? Long.MAX_VALUE : m.startMs()));
        var episode = new SearchResults.EpisodeSummary(
                top.episodeId(), top.title(), top.show(), top.publishedAt(), top.audioUrl());
        return new SearchResults.Result(episode, hit.score() == null ? 0 : hit.score(), moments);
    }

    private static SearchResults.Moment moment(MomentDocument m, Map<String, List<String>> highlight) {
        List<String> fragments = highlight.get("text");
        return SearchResults.Moment.of(m, fragments == null || fragments.isEmpty() ? null : fragments.getFirst());
    }
}
