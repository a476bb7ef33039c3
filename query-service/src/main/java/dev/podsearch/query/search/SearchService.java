package dev.podsearch.query.search;

import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Finds moments and groups them by episode: one search over the moments, collapsed on the episode id, with each
 * episode's best moments as inner hits. The user's text is parsed by {@link UserQuery} into match, phrase and prefix
 * queries; no input reaches a query parser of the engine, so none can produce an engine error.
 *
 * <p>Facet filters (show, speaker, language) go to the post filter, and each facet is counted under every filter but
 * its own, so choosing a value of a facet leaves the other values of that facet visible.
 */
@ApplicationScoped
public class SearchService {

    private static final String BEST = "best";
    private static final String EPISODES = "episodes";
    private static final String VALUES = "values";
    private static final String FUZZINESS = "AUTO:5,8";

    @Inject
    OpenSearchClient client;

    public SearchResults search(SearchRequest request) {
        Map<SearchRequest.Facet, Query> facetFilters = facetFilters(request);
        Query query = Query.of(q -> q.bool(b -> {
            b.must(text(request.query()));
            filters(request).forEach(b::filter);
            return b;
        }));
        Highlight highlight = Highlight.of(h -> h.encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .fields("text", f -> f.numberOfFragments(0)));
        Map<String, Aggregation> aggregations = aggregations(request, facetFilters);
        boolean byEpisode = request.group() == SearchRequest.Group.EPISODE;
        try {
            SearchResponse<MomentDocument> response = client.search(
                    s -> {
                        s.index(Indices.MOMENTS)
                                .query(query)
                                .size(request.size())
                                .aggregations(aggregations);
                        if (!facetFilters.isEmpty()) {
                            s.postFilter(all(facetFilters.values()));
                        }
                        if (request.sort() == SearchRequest.Sort.DATE) {
                            s.trackScores(true)
                                    .sort(o ->
                                            o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                        }
                        if (byEpisode) {
                            s.collapse(c -> c.field("episodeId").innerHits(ih -> ih.name(BEST)
                                    .size(request.moments())
                                    .highlight(highlight)));
                        } else {
                            s.highlight(highlight);
                        }
                        return s;
                    },
                    MomentDocument.class);
            List<SearchResults.Result> results = new ArrayList<>();
            for (Hit<MomentDocument> hit : response.hits().hits()) {
                results.add(byEpisode ? episodeResult(hit) : momentResult(hit));
            }
            long total = inside(response.aggregations().get(EPISODES), EPISODES)
                    .cardinality()
                    .value();
            return new SearchResults(total, response.took(), results, facets(request, response.aggregations()));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    /** Every group must match (a group matches with any of its OR-ed terms); no excluded term may. */
    public static Query text(UserQuery query) {
        return Query.of(q -> q.bool(b -> {
            for (List<UserQuery.Term> group : query.groups()) {
                if (group.size() == 1) {
                    b.must(term(group.getFirst(), true));
                } else {
                    b.must(m -> m.bool(any -> any.should(
                                    group.stream().map(t -> term(t, true)).toList())
                            .minimumShouldMatch("1")));
                }
            }
            query.excluded().forEach(t -> b.mustNot(term(t, false)));
            String words = query.positiveText();
            if (words.contains(" ")) { // the words as typed, together, outrank the same words scattered
                b.should(s ->
                        s.matchPhrase(p -> p.field("text.exact").query(words).boost(3.0f)));
            }
            if (!words.isEmpty()) { // and a match in the title counts more than one passing mention
                b.should(s -> s.match(
                        m -> m.field("title").query(FieldValue.of(words)).boost(2.0f)));
            }
            return b;
        }));
    }

    /**
     * One term as a query. A stop word ("the") analyzes to nothing: as a required term it must then match everything
     * (or it would sink the whole query); as an excluded term, nothing (or it would exclude everything).
     */
    private static Query term(UserQuery.Term term, boolean required) {
        ZeroTermsQuery stopWordsOnly = required ? ZeroTermsQuery.All : ZeroTermsQuery.None;
        return switch (term.kind()) {
            case WORD ->
                Query.of(q -> q.match(m -> m.field("text")
                        .query(FieldValue.of(term.text()))
                        .fuzziness(FUZZINESS)
                        .prefixLength(1)
                        .zeroTermsQuery(stopWordsOnly)));
            case PHRASE ->
                Query.of(q ->
                        q.matchPhrase(m -> m.field("text").query(term.text()).zeroTermsQuery(stopWordsOnly)));
            case PREFIX -> Query.of(q -> q.prefix(p -> p.field("text.exact").value(term.text())));
        };
    }

    /** Filters that are not facets: they narrow hits and counts alike. */
    private static List<Query> filters(SearchRequest request) {
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

    private static Map<SearchRequest.Facet, Query> facetFilters(SearchRequest request) {
        Map<SearchRequest.Facet, Query> filters = new EnumMap<>(SearchRequest.Facet.class);
        if (!request.shows().isEmpty()) {
            List<FieldValue> shows =
                    request.shows().stream().map(FieldValue::of).toList();
            filters.put(
                    SearchRequest.Facet.SHOW,
                    Query.of(q -> q.terms(t -> t.field("show").terms(v -> v.value(shows)))));
        }
        if (request.speaker() != null) {
            filters.put(
                    SearchRequest.Facet.SPEAKER,
                    Query.of(q -> q.term(t -> t.field("speaker").value(FieldValue.of(request.speaker())))));
        }
        if (request.language() != null) {
            filters.put(
                    SearchRequest.Facet.LANG,
                    Query.of(q -> q.term(t -> t.field("language").value(FieldValue.of(request.language())))));
        }
        return filters;
    }

    private static Query all(java.util.Collection<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(new ArrayList<>(filters))));
    }

    /** The episode count under every filter, and each requested facet under every filter but its own. */
    private static Map<String, Aggregation> aggregations(
            SearchRequest request, Map<SearchRequest.Facet, Query> facetFilters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(EPISODES, filtered(all(facetFilters.values()), EPISODES, episodeCount()));
        for (SearchRequest.Facet facet : request.facets()) {
            Map<SearchRequest.Facet, Query> others = new EnumMap<>(facetFilters);
            others.remove(facet);
            Aggregation values = facet == SearchRequest.Facet.YEAR
                    ? Aggregation.of(a -> a.dateHistogram(d -> d.field(facet.field())
                                    .calendarInterval(CalendarInterval.Year)
                                    .format("yyyy")
                                    .minDocCount(1))
                            .aggregations(EPISODES, episodeCount()))
                    : Aggregation.of(
                            a -> a.terms(t -> t.field(facet.field()).size(20)).aggregations(EPISODES, episodeCount()));
            aggregations.put(facet.name(), filtered(all(others.values()), VALUES, values));
        }
        return aggregations;
    }

    private static Aggregation episodeCount() {
        return Aggregation.of(a -> a.cardinality(c -> c.field("episodeId")));
    }

    private static Aggregation filtered(Query filter, String name, Aggregation inner) {
        return Aggregation.of(a -> a.filter(filter).aggregations(name, inner));
    }

    private static Aggregate inside(Aggregate filtered, String name) {
        return filtered.filter().aggregations().get(name);
    }

    private static Map<String, List<SearchResults.FacetValue>> facets(
            SearchRequest request, Map<String, Aggregate> aggregations) {
        if (request.facets().isEmpty()) {
            return null;
        }
        Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
        for (SearchRequest.Facet facet : request.facets()) {
            Aggregate values = inside(aggregations.get(facet.name()), VALUES);
            List<SearchResults.FacetValue> counts = new ArrayList<>();
            if (facet == SearchRequest.Facet.YEAR) {
                values.dateHistogram()
                        .buckets()
                        .array()
                        .forEach(b -> counts.add(new SearchResults.FacetValue(
                                b.keyAsString(),
                                b.aggregations().get(EPISODES).cardinality().value())));
            } else {
                values.sterms()
                        .buckets()
                        .array()
                        .forEach(b -> counts.add(new SearchResults.FacetValue(
                                b.key(),
                                b.aggregations().get(EPISODES).cardinality().value())));
            }
            counts.sort(Comparator.comparingLong(SearchResults.FacetValue::count)
                    .reversed()
                    .thenComparing(SearchResults.FacetValue::value));
            facets.put(facet.name().toLowerCase(java.util.Locale.ROOT), counts);
        }
        return facets;
    }

    private static SearchResults.Result episodeResult(Hit<MomentDocument> hit) {
        List<SearchResults.Moment> moments = new ArrayList<>();
        for (Hit<JsonData> innerHit : hit.innerHits().get(BEST).hits().hits()) {
            moments.add(moment(innerHit.source().to(MomentDocument.class), innerHit.highlight()));
        }
        moments.sort(Comparator.comparing(m -> m.startMs() == null ? Long.MAX_VALUE : m.startMs()));
        return new SearchResults.Result(summary(hit.source()), hit.score() == null ? 0 : hit.score(), moments);
    }

    private static SearchResults.Result momentResult(Hit<MomentDocument> hit) {
        return new SearchResults.Result(
                summary(hit.source()),
                hit.score() == null ? 0 : hit.score(),
                List.of(moment(hit.source(), hit.highlight())));
    }

    private static SearchResults.EpisodeSummary summary(MomentDocument m) {
        return new SearchResults.EpisodeSummary(m.episodeId(), m.title(), m.show(), m.publishedAt(), m.audioUrl());
    }

    private static SearchResults.Moment moment(MomentDocument m, Map<String, List<String>> highlight) {
        List<String> fragments = highlight.get("text");
        return SearchResults.Moment.of(m, fragments == null || fragments.isEmpty() ? null : fragments.getFirst());
    }
}
