package dev.podsearch.query.trends;

import dev.podsearch.query.QueryConfig;
import dev.podsearch.query.search.FilterParameters;
import dev.podsearch.query.search.StrictQuery;
import dev.podsearch.query.search.UserQuery;
import dev.podsearch.search.Indices;
import dev.podsearch.support.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.aggregations.DateHistogramBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/** How often something is said over time: matching moments per interval, in total and per show. */
@Path("/v1/trends")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // public unless query.require-key=true (then the read-key permission applies first)
public class TrendsResource {

    private static final int MAX_SHOWS_PER_BUCKET = 10;

    @Inject
    OpenSearchClient client;

    @Inject
    QueryConfig config;

    /** The data for a chart. */
    public record Trend(String q, String interval, List<Bucket> buckets) {}

    /** One interval: its first day, the matching moments in it, and how they split across shows. */
    public record Bucket(String start, long count, List<ShowCount> shows) {}

    public record ShowCount(String show, long count) {}

    @GET
    @Operation(
            summary = "How often a query is mentioned over time",
            description = "Counts of matching moments per day, week, month or year of publication, in total and per"
                    + " show, under the same filters as /v1/search (show, speaker, lang, publishedAfter,"
                    + " publishedBefore).")
    public Trend trends(
            @Parameter(description = "What was said (the search syntax)", required = true, example = "nvidia")
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description =
                                    "day, week, month or year; at most 1000 intervals from the first match to the last",
                            example = "month")
                    @QueryParam("interval")
                    @DefaultValue("month")
                    String interval,
            @BeanParam FilterParameters filters) {
        if (q == null || q.isBlank() || q.length() > config.maxQueryLength()) {
            throw ProblemException.badParameter("q", "q is required, up to " + config.maxQueryLength() + " characters");
        }
        UserQuery query = UserQuery.parse(q);
        if (query.isEmpty()) {
            throw ProblemException.badParameter("q", "q has no words to search for, only '" + q.strip() + "'");
        }
        TrendFilters checked = TrendFilters.of(filters.checked());
        String wanted = interval.strip().toLowerCase(Locale.ROOT);
        CalendarInterval calendar =
                switch (wanted) {
                    case "day" -> CalendarInterval.Day;
                    case "week" -> CalendarInterval.Week;
                    case "month" -> CalendarInterval.Month;
                    case "year" -> CalendarInterval.Year;
                    default ->
                        throw ProblemException.badParameter(
                                "interval",
                                "interval '" + interval + "' is not one of " + String.join(", ", TrendRange.INTERVALS));
                };
        Query filtered =
                Query.of(b -> b.bool(bool -> bool.must(StrictQuery.of(query)).filter(checked.queries())));
        try {
            checkRange(filtered, wanted);
            var response = client.search(
                    s -> s.index(Indices.MOMENTS)
                            .size(0)
                            .query(filtered)
                            .aggregations("over_time", a -> a.dateHistogram(d -> d.field("publishedAt")
                                            .calendarInterval(calendar)
                                            .format("yyyy-MM-dd")
                                            .minDocCount(0))
                                    .aggregations(
                                            "shows",
                                            sub -> sub.terms(
                                                    t -> t.field("show").size(MAX_SHOWS_PER_BUCKET)))),
                    Void.class);
            List<Bucket> buckets = new ArrayList<>();
            for (DateHistogramBucket bucket : response.aggregations()
                    .get("over_time")
                    .dateHistogram()
                    .buckets()
                    .array()) {
                List<ShowCount> perShow = bucket.aggregations().get("shows").sterms().buckets().array().stream()
                        .map(b -> new ShowCount(b.key(), b.docCount()))
                        .toList();
                buckets.add(new Bucket(bucket.keyAsString(), bucket.docCount(), perShow));
            }
            return new Trend(q.strip(), wanted, buckets);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    /** The first and last publication date of the matches, asked first: the chart's length is known before it is built. */
    private void checkRange(Query filtered, String interval) throws IOException {
        var range = client.search(
                s -> s.index(Indices.MOMENTS)
                        .size(0)
                        .query(filtered)
                        .aggregations("first", a -> a.min(m -> m.field("publishedAt")))
                        .aggregations("last", a -> a.max(m -> m.field("publishedAt"))),
                Void.class);
        Double first = range.aggregations().get("first").min().value();
        Double last = range.aggregations().get("last").max().value();
        if (first == null || last == null || first.isInfinite() || last.isInfinite()) {
            return; // no match has a date: no intervals at all
        }
        TrendRange.check(interval, Instant.ofEpochMilli(first.longValue()), Instant.ofEpochMilli(last.longValue()));
    }
}
