package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podsearch.search.Indices;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.StringDistance;

/**
 * Asks the engine for a query's {@link WordStats}: in one {@code _msearch}, the number of moments, how many moments
 * have each counted word (in their text or their episode's fields), and spelling suggestions for typed words the
 * transcripts do not have; then, when a word no moment has got a correction, whether the corrected query as a whole
 * finds a moment (else no correction is made). Cached per query (Caffeine: one load for concurrent searches of the
 * same words), so a repeated or paged search asks nothing: refreshed in the background once a minute old (the
 * search meanwhile uses the old figures, which move slowly), dropped when unused for ten minutes. When the engine
 * cannot answer, the words weigh the same and nothing is corrected: the search itself will say what went wrong.
 */
@ApplicationScoped
public class WordStatistics {

    private static final int MIN_CORRECTED_LENGTH = 4;
    private static final List<String> SUGGESTED_FIELDS = List.of("text.exact", "text.joined");

    @Inject
    EngineCalls engine;

    private final AsyncLoadingCache<UserQuery, WordStats> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .refreshAfterWrite(Duration.ofMinutes(1))
            .expireAfterAccess(Duration.ofMinutes(10))
            .buildAsync((query, executor) -> load(query, TextQuery.counted(query)));

    /** The query's statistics; never fails. */
    public CompletableFuture<WordStats> of(UserQuery query) {
        List<List<UserQuery.Term>> counted = TextQuery.counted(query);
        if (counted.isEmpty()) {
            return CompletableFuture.completedFuture(WordStats.uniform(0));
        }
        return cache.get(query).exceptionally(e -> {
            Log.debugf(e, "word statistics unavailable for %s; words weigh the same", query);
            return WordStats.uniform(counted.size());
        });
    }

    private CompletableFuture<WordStats> load(UserQuery query, List<List<UserQuery.Term>> counted) {
        List<SearchRequest> requests = new ArrayList<>();
        requests.add(count(Query.of(q -> q.matchAll(m -> m))));
        counted.forEach(group -> requests.add(count(TermQueries.anywhere(group))));
        List<String> words = correctable(counted);
        if (!words.isEmpty()) {
            requests.add(suggestions(String.join(" ", words)));
        }
        return engine.multi(requests).thenCompose(answers -> {
            long moments = total(answers.getFirst());
            long[] frequencies = new long[counted.size()];
            for (int i = 0; i < counted.size(); i++) {
                frequencies[i] = total(answers.get(i + 1));
            }
            double[] weights = WordStats.fromFrequencies(moments, frequencies);
            Map<Integer, String> corrections = words.isEmpty()
                    ? Map.of()
                    : corrections(counted, frequencies, answers.getLast().suggest());
            if (corrections.isEmpty()) {
                return CompletableFuture.completedFuture(WordStats.weighted(weights));
            }
            String text = correctedText(query, counted, corrections);
            WordStats corrected = new WordStats(weights, corrections, text, 0);
            SearchRequest collate = SearchRequest.of(s -> s.index(Indices.MOMENTS)
                    .size(0)
                    .query(collate(query, counted, corrected))
                    .aggregations(Facets.EPISODES, a -> a.cardinality(c -> c.field("episodeId"))));
            return engine.search(collate).thenApply(answer -> {
                long episodes = answer.aggregations() == null
                        ? 0
                        : answer.aggregations()
                                .path(Facets.EPISODES)
                                .path("value")
                                .asLong();
                return episodes > 0 ? new WordStats(weights, corrections, text, episodes) : WordStats.weighted(weights);
            });
        });
    }

    /** The typed words that could be misspelled: single plain words long enough to correct. */
    private static List<String> correctable(List<List<UserQuery.Term>> counted) {
        List<String> words = new ArrayList<>();
        for (List<UserQuery.Term> group : counted) {
            if (TermQueries.isPlain(group) && group.getFirst().text().length() >= MIN_CORRECTED_LENGTH) {
                words.add(group.getFirst().text().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** For each plain word no moment has, the best suggestion of the transcripts' words (or joined word pairs). */
    static Map<Integer, String> corrections(List<List<UserQuery.Term>> counted, long[] frequencies, JsonNode suggest) {
        Map<String, JsonNode> best = new HashMap<>();
        for (String field : SUGGESTED_FIELDS) {
            for (JsonNode entry : suggest.path(field)) {
                JsonNode options = entry.path("options");
                if (options.isEmpty()) {
                    continue;
                }
                JsonNode option = options.get(0);
                best.merge(entry.path("text").asText(), option, (a, b) -> better(a, b) ? a : b);
            }
        }
        Map<Integer, String> corrections = new HashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            List<UserQuery.Term> group = counted.get(i);
            if (frequencies[i] > 0 || !TermQueries.isPlain(group)) {
                continue;
            }
            JsonNode option = best.get(group.getFirst().text().toLowerCase(Locale.ROOT));
            if (option != null) {
                corrections.put(i, option.path("text").asText());
            }
        }
        return corrections;
    }

    private static boolean better(JsonNode a, JsonNode b) {
        double scoreA = a.path("score").asDouble();
        double scoreB = b.path("score").asDouble();
        return scoreA != scoreB
                ? scoreA > scoreB
                : a.path("freq").asLong() >= b.path("freq").asLong();
    }

    /** The query as typed, its misspelled words replaced: what the answer says was searched as well. */
    static String correctedText(UserQuery query, List<List<UserQuery.Term>> counted, Map<Integer, String> corrections) {
        Map<UserQuery.Term, String> replaced = new HashMap<>();
        corrections.forEach((i, word) -> replaced.put(counted.get(i).getFirst(), word));
        return query.text(replaced);
    }

    /** Every counted group as typed or corrected, under the query's strict parts. */
    private static Query collate(UserQuery query, List<List<UserQuery.Term>> counted, WordStats stats) {
        return Query.of(q -> q.bool(b -> {
            b.filter(TextQuery.bounds(query));
            for (int i = 0; i < counted.size(); i++) {
                b.filter(TextQuery.typedOrCorrected(counted.get(i), i, stats));
            }
            return b;
        }));
    }

    private static SearchRequest count(Query query) {
        return SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(query));
    }

    private static SearchRequest suggestions(String typed) {
        return SearchRequest.of(s -> s.index(Indices.MOMENTS).size(0).suggest(g -> {
            g.text(typed);
            for (String field : SUGGESTED_FIELDS) {
                g.suggesters(
                        field,
                        f -> f.term(t -> t.field(field)
                                .suggestMode(SuggestMode.Missing)
                                .stringDistance(StringDistance.Internal)
                                .minWordLength(MIN_CORRECTED_LENGTH)
                                .maxEdits(2)
                                .prefixLength(1)
                                .size(1)));
            }
            return g;
        }));
    }

    private static long total(EngineResponse answer) {
        if (answer.error() != null) {
            throw new IllegalStateException("OpenSearch refused a count: " + answer.error());
        }
        return answer.hits().total() == null ? 0 : answer.hits().total().value();
    }
}
