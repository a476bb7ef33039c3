package dev.podsearch.query.search;

import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters a search and a chart of mentions share, named, documented and checked once ({@code @BeanParam}): shows,
 * speakers and languages (each repeatable: any of its values), and the publication range (after inclusive, before
 * exclusive). So a chart drawn beside a search counts the same moments.
 */
public class FilterParameters {

    @Parameter(description = "Only these shows (repeatable: any of them), at most 50", example = "Coastal Hours")
    @QueryParam("show")
    List<String> shows;

    @Parameter(
            description = "Only moments of these speakers (repeatable: any of them), at most 50",
            example = "Ana Lima")
    @QueryParam("speaker")
    List<String> speakers;

    @Parameter(
            description =
                    "Only episodes in these languages (repeatable: any of them; tags such as en or pt-BR), at most 50",
            example = "en")
    @QueryParam("lang")
    List<String> langs;

    @Parameter(description = "Published on or after (ISO-8601 date or date-time)", example = "2026-01-01")
    @QueryParam("publishedAfter")
    String publishedAfter;

    @Parameter(description = "Published before (ISO-8601 date or date-time)", example = "2026-06-01")
    @QueryParam("publishedBefore")
    String publishedBefore;

    /** The filters, checked: a 400 problem naming the parameter for a value out of bounds. */
    public Checked checked() {
        Instant after = RequestParameters.instant("publishedAfter", publishedAfter);
        Instant before = RequestParameters.instant("publishedBefore", publishedBefore);
        if (after != null && before != null && !after.isBefore(before)) {
            throw ProblemException.badParameter("publishedBefore", "publishedBefore must be later than publishedAfter");
        }
        return new Checked(
                FilterValues.names("show", shows),
                FilterValues.names("speaker", speakers),
                FilterValues.languages("lang", langs),
                after,
                before);
    }

    /** Checked filters: empty lists and nulls for what was not given. */
    public record Checked(
            List<String> shows, List<String> speakers, List<String> languages, Instant after, Instant before) {}
}
