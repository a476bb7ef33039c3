package dev.podsearch.query.search;

import dev.podsearch.query.QueryConfig;
import dev.podsearch.support.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int MAX_MOMENTS = 10;

    @Inject
    SearchService search;

    @Inject
    QueryConfig config;

    @GET
    @Operation(
            summary = "Find the moments where something was said",
            description = "Episodes best first, each with its best matching moments in time order.")
    public SearchResults search(
            @Parameter(description = "What was said", required = true, example = "fog horn") @QueryParam("q") String q,
            @Parameter(description = "Only these shows (repeatable)") @QueryParam("show") List<String> shows,
            @Parameter(description = "Episodes per page, 1 to query.max-size", example = "10")
                    @QueryParam("size")
                    @DefaultValue("10")
                    String size,
            @Parameter(description = "Moments per episode, 1 to 10", example = "3")
                    @QueryParam("moments")
                    @DefaultValue("3")
                    String moments) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badParameter("q", "q is required: the words to search for");
        }
        if (q.length() > config.maxQueryLength()) {
            throw ProblemException.badParameter(
                    "q", "q is " + q.length() + " characters long; the limit is " + config.maxQueryLength());
        }
        int pageSize = bounded("size", size, config.maxSize());
        int perEpisode = bounded("moments", moments, MAX_MOMENTS);
        List<String> showFilter = shows == null
                ? List.of()
                : shows.stream().filter(s -> !s.isBlank()).toList();
        return search.search(new SearchService.Request(q.strip(), showFilter, pageSize, perEpisode));
    }

    private static int bounded(String parameter, String value, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(
                parameter, parameter + " must be a whole number from 1 to " + max + ", not '" + value + "'");
    }
}
