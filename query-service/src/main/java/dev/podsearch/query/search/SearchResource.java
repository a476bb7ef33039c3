package dev.podsearch.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.podsearch.query.QueryConfig;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // public unless query.require-key=true (then the read-key permission applies first)
public class SearchResource {

    private static final int MAX_MOMENTS = 10;

    @Inject
    SearchService search;

    @Inject
    QueryConfig config;

    @Inject
    SearchMetrics metrics;

    private final ObjectWriter writer;

    @Inject
    SearchResource(ObjectMapper json) {
        this.writer = json.writerFor(SearchResults.class);
    }

    @GET
    @APIResponse(
            responseCode = "200",
            description = "The episodes (or moments) found, with facet counts and the next page's cursor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchResults.class)))
    @Operation(
            summary = "Find the moments where something was said",
            description = "Episodes best first (or newest first), each with its best matching moments, best first;"
                    + " or, with group=moment, a flat list of moments. Each moment says how it matched (matchedBy).")
    public CompletionStage<Response> search(
            @Parameter(
                            description = "What was said: words, \"exact phrases\", -excluded, a OR b, prefix*",
                            required = true,
                            example = "\"fog horn\" -ship")
                    @QueryParam("q")
                    String q,
            @BeanParam FilterParameters filters,
            @Parameter(
                            description = "Search inside this episode only (its id)",
                            example = "5b0c6f2e-3d1a-4c8e-9a57-0d6f1b2c3e4f")
                    @QueryParam("episode")
                    String episode,
            @Parameter(description = "episode (default) or moment", example = "episode")
                    @QueryParam("group")
                    @DefaultValue("episode")
                    String group,
            @Parameter(description = "relevance (default) or date (newest first)", example = "relevance")
                    @QueryParam("sort")
                    @DefaultValue("relevance")
                    String sort,
            @Parameter(
                            description = "Counts to return, comma-separated: show, speaker, lang, year",
                            example = "show,year")
                    @QueryParam("facets")
                    String facets,
            @Parameter(
                            description = "hybrid (default: words and meaning, fused), keyword (words only) or semantic"
                                    + " (meaning only); the answer's mode says which ran",
                            example = "hybrid")
                    @QueryParam("mode")
                    String mode,
            @Parameter(description = "Results per page, 1 to query.max-size", example = "10")
                    @QueryParam("size")
                    @DefaultValue("10")
                    String size,
            @Parameter(description = "Moments per episode, 1 to 10", example = "3")
                    @QueryParam("moments")
                    @DefaultValue("3")
                    String moments,
            @Parameter(
                            description = "How each result's moments are listed: relevance (default: the best first)"
                                    + " or time",
                            example = "relevance")
                    @QueryParam("momentOrder")
                    @DefaultValue("relevance")
                    String momentOrder,
            @Parameter(
                            description = "The nextCursor of the previous page, to get the next one; keep the other "
                                    + "parameters as they were",
                            example = "eyJ2IjoxLCJzZWFyY2giOiIxcjVjYjN6IiwiYXNPZiI6MTc2MzcwMDAwMDAwMCwiZnJvbSI6MTB9")
                    @QueryParam("cursor")
                    String cursor) {
        UserQuery query = SearchQueries.parse(q, config.maxQueryLength());
        FilterParameters.Checked checked = filters.checked();
        long started = System.nanoTime();
        return search.search(new SearchParameters(
                        query,
                        checked.shows(),
                        checked.speakers(),
                        checked.languages(),
                        checked.after(),
                        checked.before(),
                        blankToNull(episode),
                        choice("group", group, SearchParameters.Group.class),
                        choice("sort", sort, SearchParameters.Sort.class),
                        facets(facets),
                        choice(
                                "mode",
                                mode == null || mode.isBlank() ? config.defaultMode() : mode,
                                SearchParameters.Mode.class),
                        (int) RequestParameters.number("size", size, 1, config.maxSize()),
                        (int) RequestParameters.number("moments", moments, 1, MAX_MOMENTS),
                        choice("momentOrder", momentOrder, SearchParameters.MomentOrder.class),
                        blankToNull(cursor)))
                .thenApply(answer -> answer(answer, started));
    }

    /**
     * The answer, written here in one piece: it goes out with its length in one write (not in chunks handed one by one
     * to the event loop), and the service's time in {@code Server-Timing} includes writing it.
     */
    private Response answer(SearchService.Answer answer, long started) {
        byte[] body;
        try {
            body = writer.writeValueAsBytes(answer.results());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search results", e);
        }
        long serviceNanos = System.nanoTime() - started;
        SearchResults results = answer.results();
        metrics.searched(results.mode(), results.results().size(), serviceNanos, answer.engineNanos());
        // where the time went: the engine call, and the whole of the service's work (parsing to answer)
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(
                        "Server-Timing",
                        "engine;dur=" + millis(answer.engineNanos()) + ", service;dur=" + millis(serviceNanos))
                .build();
    }

    /** Nanoseconds as milliseconds with two decimals (without a Formatter per request). */
    static String millis(long nanos) {
        long hundredths = Math.round(nanos / 1e4);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Set<SearchParameters.Facet> facets(String value) {
        Set<SearchParameters.Facet> facets = EnumSet.noneOf(SearchParameters.Facet.class);
        if (value == null || value.isBlank()) {
            return facets;
        }
        for (String name : value.split(",")) {
            facets.add(choice("facets", name, SearchParameters.Facet.class));
        }
        return facets;
    }

    private static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = EnumSet.allOf(type).stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw ProblemException.badParameter(
                    parameter, parameter + " '" + value.strip() + "' is not one of " + String.join(", ", names));
        }
    }
}
