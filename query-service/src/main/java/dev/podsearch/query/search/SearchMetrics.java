package dev.podsearch.query.search;

import dev.podsearch.query.QueryFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * What searches cost and found, per mode that ran ({@code keyword}, {@code semantic}, {@code hybrid}: a hybrid search
 * that fell back is counted as keyword), on {@code /q/metrics}: {@code podsearch_query_search_seconds} (the service's
 * whole work, parsing to answer written), {@code podsearch_query_engine_seconds} (the engine calls),
 * {@code podsearch_query_search_results} (results on the page) and {@code podsearch_query_search_zero_results_total}
 * (searches that found nothing: what users asked for and the index lacks). Refused requests and errors are in the
 * standard {@code http_server_requests_seconds} by status.
 */
@ApplicationScoped
public class SearchMetrics {

    @Inject
    MeterRegistry registry;

    /** Records one answered search. */
    public void searched(String mode, int results, long serviceNanos, long engineNanos) {
        Timer.builder(QueryFacts.SEARCH)
                .description("Search time in the service, parsing to answer written, by the mode that ran")
                .tag("mode", mode)
                .publishPercentileHistogram()
                .register(registry)
                .record(serviceNanos, TimeUnit.NANOSECONDS);
        Timer.builder(QueryFacts.ENGINE)
                .description("Time of a search's engine calls, sent to answer read, by the mode that ran")
                .tag("mode", mode)
                .publishPercentileHistogram()
                .register(registry)
                .record(engineNanos, TimeUnit.NANOSECONDS);
        DistributionSummary.builder(QueryFacts.SEARCH_RESULTS)
                .description("Results on a search's page")
                .tag("mode", mode)
                .register(registry)
                .record(results);
        if (results == 0) {
            Counter.builder(QueryFacts.ZERO_RESULTS)
                    .description("Searches that found nothing")
                    .tag("mode", mode)
                    .register(registry)
                    .increment();
        }
    }
}
