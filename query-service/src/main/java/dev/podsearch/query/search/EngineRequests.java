package dev.podsearch.query.search;

import dev.podsearch.search.Indices;
import dev.podsearch.support.ProblemException;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.SourceConfig;

/**
 * The engine request of a keyword search: one search over the moments, collapsed on the episode id, with each episode's
 * best moments as inner hits (or a flat list of moments). The text query is {@link TextQuery#ranked}; no input reaches
 * a query parser of the engine, so none can produce an engine error.
 */
public final class EngineRequests {

    /** Collapsed results are paged by offset, within the engine's result window. */
    static final int MAX_EPISODE_WINDOW = 10_000;

    /**
     * The moment's text as stemmed words, exact words and joined word pairs: each highlights its own matches. (The
     * unified highlighter's {@code matched_fields} would unite them in one answer, a quarter less to transfer and read,
     * but costs the engine more than that saves: +4 ms per search on the benchmark's corpus.)
     */
    static final List<String> HIGHLIGHTED = List.of("text", "text.exact", "text.joined");

    /**
     * The first highlighted field carries the moment's text: highlighted whole, or, where nothing matched in it, the
     * whole text unmarked ({@code no_match_size} above any moment's length). So the text is not fetched from the source
     * as well: it would come twice (a quarter of the engine's answer). A moment's text never holds the marker
     * characters, so the highlight without them is the text.
     */
    private static final int WHOLE_TEXT = 1_000_000;

    /** What a hit needs from a moment's source: not the notes (they are there to be searched, not shown). */
    static final SourceConfig SHOWN =
            SourceConfig.of(c -> c.filter(f -> f.excludes("notes", "addedAt", "revision", "text", "embedding")));

    /**
     * What a collapsed episode's top hit needs: the episode's summary only (its moments come as inner hits, so the
     * top moment's text would otherwise travel twice).
     */
    static final SourceConfig SUMMARY =
            SourceConfig.of(c -> c.filter(f -> f.includes("episodeId", "title", "show", "publishedAt", "audioUrl")));

    /**
     * What an episode's moment (an inner hit) needs: its own fields, not the episode's summary again (that comes with
     * the top hit), and not its text (that comes with the highlight), so the engine sends less and each hit is read
     * faster.
     */
    static final SourceConfig MOMENT = SourceConfig.of(c -> c.filter(
            f -> f.includes("episodeId", "audioUrl", "ordinal", "firstLine", "startMs", "endMs", "speaker", "lines")));

    private EngineRequests() {}

    /** Highlights of the three text fields; with a query of its own when the hits were found another way. */
    static Highlight highlight(Query highlightQuery) {
        return Highlight.of(h -> {
            h.preTags(Highlights.PRE).postTags(Highlights.POST);
            if (highlightQuery != null) {
                h.highlightQuery(highlightQuery);
            }
            h.fields(HIGHLIGHTED.getFirst(), f -> f.numberOfFragments(0).noMatchSize(WHOLE_TEXT));
            HIGHLIGHTED.stream().skip(1).forEach(field -> h.fields(field, f -> f.numberOfFragments(0)));
            return h;
        });
    }

    /**
     * The engine request for a keyword search with the query's words weighing the same and the default word floor (for
     * the benchmark, which has no word statistics: the body differs from the service's in the words' weights only).
     */
    public static SearchRequest keyword(SearchParameters request, Cursor cursor, long asOf) {
        return keyword(
                request,
                cursor,
                asOf,
                WordStats.uniform(TextQuery.counted(request.query()).size()),
                0.5);
    }

    /**
     * The engine request for a keyword search: what {@code /v1/search} sends to OpenSearch (public for the benchmark,
     * which sends the same bodies to OpenSearch directly).
     *
     * @param cursor where the page starts; null for the first page
     * @param asOf the first page's time, for the cursor's filter
     * @param stats the weights and corrections of the query's words
     * @param wordFloor the share of the words a moment must have ({@code query.word-floor})
     */
    public static SearchRequest keyword(
            SearchParameters request, Cursor cursor, long asOf, WordStats stats, double wordFloor) {
        boolean byEpisode = request.group() == SearchParameters.Group.EPISODE;
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        Map<SearchParameters.Facet, Query> facetFilters = SearchFilters.facets(request);
        Query ranked = TextQuery.ranked(request.query(), stats);
        Double minScore = TextQuery.minScore(request.query(), wordFloor);
        Highlight highlight = highlight(ranked);
        Query query = Query.of(q -> q.bool(b -> {
            b.must(ranked);
            SearchFilters.plain(request).forEach(b::filter);
            if (cursor != null) {
                b.filter(f -> f.range(r -> r.field("addedAt").lte(JsonData.of(asOf))));
            }
            return b;
        }));
        Map<String, Aggregation> aggregations = Facets.aggregations(request, facetFilters);
        int innerHits = Math.min(request.moments() * 2, 20);
        return SearchRequest.of(s -> {
            s.index(Indices.MOMENTS)
                    .query(query)
                    .size(request.size())
                    .aggregations(aggregations)
                    .source(byEpisode ? SUMMARY : SHOWN);
            if (byEpisode) {
                s.trackTotalHits(t -> t.enabled(false));
            } else { // flat moments: their count is the total
                s.trackTotalHits(t -> t.count(MAX_EPISODE_WINDOW));
            }
            if (minScore != null) {
                s.minScore(minScore);
            }
            if (!facetFilters.isEmpty()) {
                s.postFilter(SearchFilters.all(facetFilters.values()));
            }
            sort(s, request, byEpisode);
            if (byEpisode) {
                s.from(from).collapse(c -> c.field("episodeId").innerHits(ih -> ih.name(ResultShaper.BEST)
                        .size(innerHits)
                        .highlight(highlight)
                        .source(MOMENT)));
            } else {
                s.highlight(highlight);
                if (cursor != null) {
                    s.searchAfter(cursor.after().stream()
                            .map(EngineRequests::fieldValue)
                            .toList());
                }
            }
            return s;
        });
    }

    /**
     * Relevance or newest first; flat moments get tie-breakers (episode, ordinal) so that a cursor can continue after
     * the last one. Grouped results are paged by offset and sorted by the best moment of each episode.
     */
    private static void sort(SearchRequest.Builder s, SearchParameters request, boolean byEpisode) {
        if (request.sort() == SearchParameters.Sort.DATE) {
            s.trackScores(true).sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
        }
        if (request.sort() == SearchParameters.Sort.DATE || !byEpisode) {
            s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
        }
        if (!byEpisode) {
            s.sort(o -> o.field(f -> f.field("episodeId").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)));
        }
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case String text -> FieldValue.of(text);
            case Integer number -> FieldValue.of(number.longValue());
            case Long number -> FieldValue.of(number);
            case Number number -> FieldValue.of(number.doubleValue());
            case Boolean flag -> FieldValue.of(flag);
            default ->
                throw ProblemException.badParameter(
                        "cursor", "cursor is not one this service issued; start again without it");
        };
    }
}
