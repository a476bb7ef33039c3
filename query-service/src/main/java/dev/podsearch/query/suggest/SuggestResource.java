package dev.podsearch.query.suggest;

import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.Indices;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.CompletionSuggestOption;
import org.opensearch.client.opensearch.core.search.FieldSuggester;
import org.opensearch.client.opensearch.core.search.Suggest;

/**
 * Typeahead: completions of what has been typed so far, from episode titles, shows, speakers and the phrases said most
 * in episodes. One request to the engine, served from its in-memory completion structures (no search of the
 * transcripts), so it can run on every keystroke.
 */
@Path("/v1/suggest")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // public unless query.require-key=true (then the read-key permission applies first)
public class SuggestResource {

    static final int MAX_LENGTH = 100;
    static final int MAX_SIZE = 20;

    /** What a suggestion completes: which field of an episode it comes from. */
    public enum Kind {
        TITLE("suggestTitle"),
        SHOW("suggestShow"),
        SPEAKER("suggestSpeaker"),
        PHRASE("suggestPhrase");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    /**
     * @param text what to show and, when chosen, search for
     * @param kind title, show, speaker or phrase
     * @param episodeId for a title, the episode it names
     */
    public record Suggestion(String text, String kind, String episodeId) {}

    public record Suggestions(String q, List<Suggestion> suggestions) {}

    @Inject
    OpenSearchClient client;

    @GET
    @Operation(
            summary = "Typeahead suggestions",
            description = "Completions of q from episode titles, shows, speakers and frequent phrases, taking turns"
                    + " by kind (title, show, speaker, phrase), best first within each. Tolerates one typo from the"
                    + " fourth character on.")
    public Suggestions suggest(
            @Parameter(
                            description = "What has been typed so far (1 to 100 characters)",
                            required = true,
                            example = "lightho")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "How many suggestions, 1 to 20", example = "8")
                    @QueryParam("size")
                    @DefaultValue("8")
                    String size) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badParameter("q", "q is required: the text typed so far");
        }
        if (q.length() > MAX_LENGTH) {
            throw ProblemException.badParameter(
                    "q", "q is " + q.length() + " characters long; suggestions complete at most " + MAX_LENGTH);
        }
        int wanted = (int) RequestParameters.number("size", size, 1, MAX_SIZE);
        String typed = q.stripLeading();
        Map<String, FieldSuggester> suggesters = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            suggesters.put(
                    kind.name(),
                    FieldSuggester.of(f -> f.completion(c -> {
                        c.field(kind.field).size(wanted).skipDuplicates(true);
                        if (typed.strip().length() >= 4) {
                            c.fuzzy(z -> z.fuzziness("1")
                                    .minLength(4)
                                    .prefixLength(3)
                                    .transpositions(true)
                                    .unicodeAware(false));
                        }
                        return c;
                    })));
        }
        try {
            SearchResponse<EpisodeDocument> response = client.search(
                    s -> s.index(Indices.EPISODES)
                            .size(0)
                            .source(src -> src.filter(f -> f.includes("episodeId", "title", "show", "speakers")))
                            .suggest(sg -> sg.text(typed).suggesters(suggesters)),
                    EpisodeDocument.class);
            return new Suggestions(q, merge(response.suggest(), wanted));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    /** Takes turns between the kinds, each best first, without repeating a text. */
    private static List<Suggestion> merge(Map<String, List<Suggest<JsonData>>> answers, int wanted) {
        List<List<Suggestion>> byKind = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Suggestion> list = new ArrayList<>();
            for (Suggest<JsonData> suggest : answers.getOrDefault(kind.name(), List.of())) {
                for (CompletionSuggestOption<JsonData> option :
                        suggest.completion().options()) {
                    list.add(suggestion(kind, option));
                }
            }
            byKind.add(list);
        }
        List<Suggestion> merged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int round = 0; merged.size() < wanted; round++) {
            boolean any = false;
            for (List<Suggestion> list : byKind) {
                if (round < list.size() && merged.size() < wanted) {
                    any = true;
                    Suggestion s = list.get(round);
                    if (seen.add(s.kind() + "\u0000" + s.text().toLowerCase(Locale.ROOT))) {
                        merged.add(s);
                    }
                }
            }
            if (!any) {
                break;
            }
        }
        return merged;
    }

    /** A title, show or speaker is shown whole, though it was matched by any of its words. */
    private static Suggestion suggestion(Kind kind, CompletionSuggestOption<JsonData> option) {
        EpisodeDocument episode = option.source().to(EpisodeDocument.class);
        String matched = option.text();
        return switch (kind) {
            case TITLE -> new Suggestion(episode.title(), "title", episode.episodeId());
            case SHOW -> new Suggestion(episode.show(), "show", null);
            case SPEAKER ->
                new Suggestion(
                        episode.speakers().stream()
                                .filter(s -> s.toLowerCase(Locale.ROOT).endsWith(matched.toLowerCase(Locale.ROOT)))
                                .findFirst()
                                .orElse(matched),
                        "speaker",
                        null);
            case PHRASE -> new Suggestion(matched, "phrase", null);
        };
    }
}
