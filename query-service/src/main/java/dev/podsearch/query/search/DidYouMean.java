package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.search.Indices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.StringDistance;

/**
 * "Did you mean": when a search found little (no result has all its words) and no misspelled word was corrected
 * ({@link WordStatistics}: those are words no transcript has), each typed word is checked against the words the
 * transcripts use; where a close spelling is more frequent, the corrected query is counted, and offered (never
 * searched) when it finds episodes. Two more engine calls, made only for such searches.
 */
@ApplicationScoped
public class DidYouMean {

    private static final int MIN_WORD_LENGTH = 4;
    private static final String SUGGESTION = "spelling";

    @Inject
    EngineCalls engine;

    /** The corrected query and how many episodes it finds; null when there is none worth offering. */
    public CompletableFuture<SearchResults.Suggestion> suggest(UserQuery query, SearchParameters request) {
        List<String> words = plainWords(query);
        if (words.stream().noneMatch(w -> w.length() >= MIN_WORD_LENGTH)) {
            return CompletableFuture.completedFuture(null);
        }
        String typed = String.join(" ", words);
        SearchRequest spelling =
                SearchRequest.of(s -> s.index(Indices.MOMENTS).size(0).suggest(g -> g.text(typed)
                        .suggesters(
                                SUGGESTION,
                                f -> f.term(t -> t.field("text.exact")
                                        .suggestMode(SuggestMode.Popular)
                                        .stringDistance(StringDistance.Internal)
                                        .minWordLength(MIN_WORD_LENGTH)
                                        .maxEdits(2)
                                        .prefixLength(1)
                                        .size(1)))));
        return engine.search(spelling).thenCompose(answer -> {
            String corrected = corrected(typed, answer.suggest());
            if (corrected == null) {
                return CompletableFuture.completedFuture(null);
            }
            return count(corrected, request)
                    .thenApply(total -> total > 0 ? new SearchResults.Suggestion(corrected, total) : null);
        });
    }

    /** The typed words with each one replaced by its suggested spelling; null when nothing changed. */
    static String corrected(String typed, JsonNode suggest) {
        List<String> words = new ArrayList<>(List.of(typed.split(" ")));
        boolean changed = false;
        for (JsonNode entry : suggest.path(SUGGESTION)) {
            JsonNode options = entry.path("options");
            String original = entry.path("text").asText();
            int at = indexOf(words, original);
            if (options.isEmpty() || at < 0) {
                continue;
            }
            String better = options.get(0).path("text").asText();
            if (!better.equalsIgnoreCase(original)) {
                words.set(at, better);
                changed = true;
            }
        }
        return changed ? String.join(" ", words) : null;
    }

    private static int indexOf(List<String> words, String token) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).toLowerCase(Locale.ROOT).equals(token)) {
                return i;
            }
        }
        return -1;
    }

    /** How many episodes have every word of the corrected query, under the search's filters. */
    private CompletableFuture<Long> count(String corrected, SearchParameters request) {
        Query query = Query.of(q -> q.bool(b -> {
            b.must(StrictQuery.of(UserQuery.parse(corrected)));
            b.filter(SearchFilters.everything(request));
            return b;
        }));
        SearchRequest count = SearchRequest.of(s -> s.index(Indices.MOMENTS)
                .size(0)
                .query(query)
                .aggregations(Facets.EPISODES, a -> a.cardinality(c -> c.field("episodeId"))));
        return engine.search(count)
                .thenApply(answer -> answer.aggregations() == null
                        ? 0L
                        : answer.aggregations()
                                .path(Facets.EPISODES)
                                .path("value")
                                .asLong());
    }

    private static List<String> plainWords(UserQuery query) {
        List<String> words = new ArrayList<>();
        for (List<UserQuery.Term> group : query.groups()) {
            if (group.size() == 1 && group.getFirst().kind() == UserQuery.Kind.WORD) {
                words.add(group.getFirst().text().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
