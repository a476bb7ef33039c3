package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import dev.podsearch.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

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

    private static final String SEARCH_PATH = "/" + Indices.MOMENTS + "/_search";
    private static final String VALUES = "values";
    private static final String FUZZINESS = "AUTO:5,8";

    /**
     * The English analyzer's stop words: the stemmed field ignores them, so the joined-pairs field (which keeps them)
     * must too, or "-the" would exclude everything.
     */
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with");

    /** Collapsed results are paged by offset, within the engine's result window. */
    static final int MAX_EPISODE_WINDOW = 10_000;

    /**
     * The moment's text as stemmed words, exact words and joined word pairs: each highlights its own matches. (The
     * unified highlighter's {@code matched_fields} would unite them in one answer, a quarter less to transfer and read,
     * but costs the engine more than that saves: +4 ms per search on the benchmark's corpus.)
     */
    private static final List<String> HIGHLIGHTED = List.of("text", "text.exact", "text.joined");

    /**
     * The first highlighted field carries the moment's text: highlighted whole, or, where nothing matched in it, the
     * whole text unmarked ({@code no_match_size} above any moment's length). So the text is not fetched from the source
     * as well: it would come twice (a quarter of the engine's answer). A moment's text never holds the marker
     * characters, so the highlight without them is the text.
     */
    private static final int WHOLE_TEXT = 1_000_000;

    /** What a hit needs from a moment's source: not the notes (they are there to be searched, not shown). */
    private static final org.opensearch.client.opensearch.core.search.SourceConfig SHOWN =
            org.opensearch.client.opensearch.core.search.SourceConfig.of(
                    c -> c.filter(f -> f.excludes("notes", "addedAt", "revision", "text")));

    /**
     * What a collapsed episode's top hit needs: the episode's summary only (its moments come as inner hits, so the
     * top moment's text would otherwise travel twice).
     */
    private static final org.opensearch.client.opensearch.core.search.SourceConfig SUMMARY =
            org.opensearch.client.opensearch.core.search.SourceConfig.of(
                    c -> c.filter(f -> f.includes("episodeId", "title", "show", "publishedAt", "audioUrl")));

    /**
     * What an episode's moment (an inner hit) needs: its own fields, not the episode's summary again (that comes with
     * the top hit), and not its text (that comes with the highlight), so the engine sends less and each hit is read
     * faster.
     */
    private static final org.opensearch.client.opensearch.core.search.SourceConfig MOMENT =
            org.opensearch.client.opensearch.core.search.SourceConfig.of(c -> c.filter(f -> f.includes(
                    "episodeId", "audioUrl", "ordinal", "firstLine", "startMs", "endMs", "speaker", "lines")));

    private static final Highlight HIGHLIGHT = Highlight.of(h -> {
        h.preTags(Highlights.PRE).postTags(Highlights.POST);
        h.fields(HIGHLIGHTED.getFirst(), f -> f.numberOfFragments(0).noMatchSize(WHOLE_TEXT));
        HIGHLIGHTED.stream().skip(1).forEach(field -> h.fields(field, f -> f.numberOfFragments(0)));
        return h;
    });

    @Inject
    OpenSearchClient client;

    @Inject
    ObjectMapper json;

    /** A search's results, and how long the engine call took (sent to answer read), for {@code Server-Timing}. */
    public record Answer(SearchResults results, long engineNanos) {}

    /**
     * Runs a search without blocking: the engine request is sent from the calling thread and the answer read and
     * shaped on the client's I/O thread once it has arrived (no worker thread waits for the engine).
     */
    public CompletableFuture<Answer> search(SearchRequest request) {
        Cursor cursor = request.cursor() == null ? null : Cursor.decode(json, request.cursor(), request.fingerprint());
        long asOf = cursor != null ? cursor.asOf() : System.currentTimeMillis();
        boolean byEpisode = request.group() == SearchRequest.Group.EPISODE;
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        if (byEpisode && from + request.size() > MAX_EPISODE_WINDOW) {
            throw ProblemException.badParameter(
                    "cursor",
                    "grouped by episode, results can be paged up to " + MAX_EPISODE_WINDOW
                            + " episodes; narrow the search with filters, or use group=moment");
        }
        byte[] body = body(engineRequest(request, cursor, asOf));
        long asked = System.nanoTime();
        return send(body).thenApply(response -> {
            long engineNanos = System.nanoTime() - asked; // sent to answer read, before the results are shaped
            return new Answer(results(request, response, byEpisode, from, asOf), engineNanos);
        });
    }

    private SearchResults results(
            SearchRequest request, EngineResponse response, boolean byEpisode, int from, long asOf) {
        List<SearchResults.Result> results = new ArrayList<>();
        List<EngineResponse.Hit> hits = response.hits().hits();
        for (EngineResponse.Hit hit : hits) {
            results.add(byEpisode ? episodeResult(hit, request.moments()) : momentResult(hit));
        }
        long total = response.inside(EPISODES, EPISODES).path("value").asLong();
        String next = null;
        if (hits.size() == request.size()) {
            if (byEpisode && from + hits.size() < total) {
                next = new Cursor(Cursor.VERSION, request.fingerprint(), asOf, from + hits.size(), null).encode(json);
            } else if (!byEpisode) {
                next = new Cursor(
                                Cursor.VERSION,
                                request.fingerprint(),
                                asOf,
                                null,
                                hits.getLast().sort())
                        .encode(json);
            }
        }
        return new SearchResults(total, response.took(), results, facets(request, response), next);
    }

    /** The request as JSON, written by the typed client's own serializer (the body OpenSearch gets). */
    private byte[] body(org.opensearch.client.opensearch.core.SearchRequest engineRequest) {
        JsonpMapper mapper = client._transport().jsonpMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            engineRequest.serialize(generator, mapper);
        }
        return out.toByteArray();
    }

    /** POST {@code /moments/_search}; the answer bound straight into {@link EngineResponse}. */
    private CompletableFuture<EngineResponse> send(byte[] body) {
        return client.generic()
                .executeAsync(
                        Requests.create("POST", SEARCH_PATH, List.of(), Map.of(), Body.from(body, "application/json")))
                .thenApply(this::read);
    }

    private EngineResponse read(Response response) {
        try (response) {
            Body answer = response.getBody()
                    .orElseThrow(
                            () -> new IOException("OpenSearch answered " + response.getStatus() + " without a body"));
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(
                        "OpenSearch answered " + response.getStatus() + " to a search: " + answer.bodyAsString());
            }
            try (InputStream in = answer.body()) {
                return json.readValue(in, EngineResponse.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    /**
     * The engine request for a search: what {@code /v1/search} sends to OpenSearch (public for the benchmark, which
     * sends the same bodies to OpenSearch directly).
     *
     * @param cursor where the page starts; null for the first page
     * @param asOf the first page's time, for the cursor's filter
     */
    public static org.opensearch.client.opensearch.core.SearchRequest engineRequest(
            SearchRequest request, Cursor cursor, long asOf) {
        boolean byEpisode = request.group() == SearchRequest.Group.EPISODE;
        int from = cursor != null && cursor.from() != null ? cursor.from() : 0;
        Map<SearchRequest.Facet, Query> facetFilters = facetFilters(request);
        Query query = Query.of(q -> q.bool(b -> {
            b.must(text(request.query()));
            filters(request).forEach(b::filter);
            if (cursor != null) {
                b.filter(f -> f.range(r -> r.field("addedAt").lte(JsonData.of(asOf))));
            }
            return b;
        }));
        Map<String, Aggregation> aggregations = aggregations(request, facetFilters);
        int innerHits = Math.min(request.moments() * 2, 20);
        return org.opensearch.client.opensearch.core.SearchRequest.of(s -> {
            s.index(Indices.MOMENTS)
                    .query(query)
                    .size(request.size())
                    .aggregations(aggregations)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(byEpisode ? SUMMARY : SHOWN);
            if (!facetFilters.isEmpty()) {
                s.postFilter(all(facetFilters.values()));
            }
            sort(s, request, byEpisode);
            if (byEpisode) {
                s.from(from).collapse(c -> c.field("episodeId").innerHits(ih -> ih.name(BEST)
                        .size(innerHits)
                        .highlight(HIGHLIGHT)
                        .source(MOMENT)));
            } else {
                s.highlight(HIGHLIGHT);
                if (cursor != null) {
                    s.searchAfter(cursor.after().stream()
                            .map(SearchService::fieldValue)
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
    private static void sort(
            org.opensearch.client.opensearch.core.SearchRequest.Builder s, SearchRequest request, boolean byEpisode) {
        if (request.sort() == SearchRequest.Sort.DATE) {
            s.trackScores(true).sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
        }
        if (request.sort() == SearchRequest.Sort.DATE || !byEpisode) {
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

    /** Every group must match (a group matches with any of its OR-ed terms); no excluded term may. */
    public static Query text(UserQuery query) {
        return Query.of(q -> q.bool(b -> {
            List<List<UserQuery.Term>> groups = query.groups();
            for (int i = 0; i < groups.size(); i++) {
                List<UserQuery.Term> group = groups.get(i);
                List<UserQuery.Term> next = i + 1 < groups.size() ? groups.get(i + 1) : null;
                if (isWord(group) && next != null && isWord(next) && joinable(group) && joinable(next)) {
                    // Two words may have been transcribed as one ("deep seek" / "DeepSeek"): either form matches.
                    Query both = Query.of(p -> p.bool(
                            pair -> pair.must(term(group.getFirst(), true)).must(term(next.getFirst(), true))));
                    String joined = group.getFirst().text() + next.getFirst().text();
                    b.must(m -> m.bool(any -> any.should(both)
                            .should(joinedWord(joined, ZeroTermsQuery.None, true))
                            .minimumShouldMatch("1")));
                    i++;
                } else if (group.size() == 1) {
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
            if (!words.isEmpty()) { // and a match in the title or the notes counts more than one passing mention
                b.should(s -> s.match(
                        m -> m.field("about").query(FieldValue.of(words)).boost(2.0f)));
            }
            return b;
        }));
    }

    private static boolean isWord(List<UserQuery.Term> group) {
        return group.size() == 1 && group.getFirst().kind() == UserQuery.Kind.WORD;
    }

    private static boolean joinable(List<UserQuery.Term> group) {
        return !STOP_WORDS.contains(group.getFirst().text().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * One term as a query. A stop word ("the") analyzes to nothing: as a required term it must then match everything
     * (or it would sink the whole query); as an excluded term, nothing (or it would exclude everything).
     */
    private static Query term(UserQuery.Term term, boolean required) {
        ZeroTermsQuery stopWordsOnly = required ? ZeroTermsQuery.All : ZeroTermsQuery.None;
        return switch (term.kind()) {
            case WORD -> // stemmed and typo-tolerant, or a word the recognizer split in two ("DeepSeek" / "deep seek")
                Query.of(q -> q.bool(any -> any.should(s -> s.match(m -> m.field("text")
                                .query(FieldValue.of(term.text()))
                                .fuzziness(FUZZINESS)
                                .prefixLength(1)
                                .zeroTermsQuery(stopWordsOnly)))
                        .should(
                                STOP_WORDS.contains(term.text().toLowerCase(java.util.Locale.ROOT))
                                        ? Query.of(none -> none.matchNone(n -> n))
                                        : joinedWord(term.text(), stopWordsOnly, false))
                        .minimumShouldMatch("1")));
            case PHRASE ->
                Query.of(q ->
                        q.matchPhrase(m -> m.field("text").query(term.text()).zeroTermsQuery(stopWordsOnly)));
            case PREFIX -> Query.of(q -> q.prefix(p -> p.field("text.exact").value(term.text())));
        };
    }

    /**
     * A word against the joined-pairs field: "deepseek" matches "deep seek" and "DeepSeek". Typo-tolerant only for two
     * typed words joined ("deep seek" then also reaches "DeepSeq"): a single typed word one typo away from a pair is
     * mostly that word and a short one after it ("gondola a" is "gondolaa"), which would mark both as the match; its
     * typos are tolerated on the stemmed field instead.
     */
    private static Query joinedWord(String word, ZeroTermsQuery stopWordsOnly, boolean typoTolerant) {
        return Query.of(q -> q.match(m -> {
            m.field("text.joined").query(FieldValue.of(word)).zeroTermsQuery(stopWordsOnly);
            return typoTolerant ? m.fuzziness(FUZZINESS).prefixLength(1) : m;
        }));
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

    private static Map<String, List<SearchResults.FacetValue>> facets(SearchRequest request, EngineResponse response) {
        if (request.facets().isEmpty()) {
            return null;
        }
        Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
        for (SearchRequest.Facet facet : request.facets()) {
            List<SearchResults.FacetValue> counts = new ArrayList<>();
            for (JsonNode bucket : response.inside(facet.name(), VALUES).path("buckets")) {
                String value = facet == SearchRequest.Facet.YEAR
                        ? bucket.path("key_as_string").asText()
                        : bucket.path("key").asText();
                counts.add(new SearchResults.FacetValue(
                        value, bucket.path(EPISODES).path("value").asLong()));
            }
            counts.sort(Comparator.comparingLong(SearchResults.FacetValue::count)
                    .reversed()
                    .thenComparing(SearchResults.FacetValue::value));
            facets.put(facet.name().toLowerCase(java.util.Locale.ROOT), counts);
        }
        return facets;
    }

    /**
     * An episode and its best moments in time order. Consecutive moments share a line, so two may show the same match:
     * a moment whose matched lines were all shown by a better one is left out.
     */
    private static SearchResults.Result episodeResult(EngineResponse.Hit hit, int wanted) {
        List<Found> found = new ArrayList<>();
        java.util.Set<Integer> shownLines = new java.util.HashSet<>();
        EngineResponse.InnerHits best = hit.innerHits().get(BEST);
        for (EngineResponse.Hit innerHit :
                best == null ? List.<EngineResponse.Hit>of() : best.hits().hits()) {
            if (found.size() == wanted) {
                break;
            }
            Found moment = found(innerHit.source(), innerHit.highlight());
            if (!moment.lines().isEmpty() && shownLines.containsAll(moment.lines())) {
                continue;
            }
            shownLines.addAll(moment.lines());
            found.add(moment);
        }
        List<SearchResults.Moment> moments =
                new ArrayList<>(found.stream().map(Found::moment).toList());
        moments.sort(Comparator.comparing(m -> m.startMs() == null ? Long.MAX_VALUE : m.startMs()));
        return new SearchResults.Result(summary(hit.source()), hit.score() == null ? 0 : hit.score(), moments);
    }

    private static SearchResults.Result momentResult(EngineResponse.Hit hit) {
        return new SearchResults.Result(
                summary(hit.source()),
                hit.score() == null ? 0 : hit.score(),
                List.of(found(hit.source(), hit.highlight()).moment()));
    }

    /** A moment as shown, and the transcript line numbers of its matches. */
    private record Found(SearchResults.Moment moment, List<Integer> lines) {}

    private static Found found(MomentDocument hit, Map<String, List<String>> highlight) {
        MomentDocument m = withText(hit, highlight);
        List<String> answers = new ArrayList<>();
        for (String field : HIGHLIGHTED) {
            List<String> fragments = highlight.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                answers.add(fragments.getFirst());
            }
        }
        List<int[]> ranges = Highlights.ranges(m.text(), answers);
        List<Integer> marked = Highlights.markedLines(m, ranges);
        Long matchMs =
                marked.isEmpty() ? null : m.lines().get(marked.getFirst()).startMs();
        List<Integer> lineNumbers = marked.stream().map(i -> m.firstLine() + i).toList();
        return new Found(SearchResults.Moment.of(m, Highlights.render(m.text(), ranges), matchMs), lineNumbers);
    }

    /** The moment with its text, read from the highlight that carries it (see {@link #WHOLE_TEXT}). */
    private static MomentDocument withText(MomentDocument m, Map<String, List<String>> highlight) {
        List<String> whole = highlight.get(HIGHLIGHTED.getFirst());
        return m.withText(whole == null || whole.isEmpty() ? "" : Highlights.unmarked(whole.getFirst()));
    }

    private static SearchResults.EpisodeSummary summary(MomentDocument m) {
        return new SearchResults.EpisodeSummary(m.episodeId(), m.title(), m.show(), m.publishedAt(), m.audioUrl());
    }
}
