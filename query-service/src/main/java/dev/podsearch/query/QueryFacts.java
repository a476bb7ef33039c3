package dev.podsearch.query;

import dev.podsearch.embed.EmbeddingConfig;
import dev.podsearch.query.web.WebConfig;
import dev.podsearch.search.OpenSearchKeys;
import dev.podsearch.support.facts.DeclaredFacts;
import dev.podsearch.support.facts.SupportFacts;
import java.util.List;

/**
 * What query-service reads and exports (it does not use Kafka): the configuration and the meter names, declared once;
 * the deployment tests check the manifests against {@link #DECLARED}, and {@code MetricsTest} checks the meters it
 * serves are these.
 */
public final class QueryFacts {

    public static final String SEARCH = "podsearch.query.search";
    public static final String ENGINE = "podsearch.query.engine";
    public static final String SEARCH_RESULTS = "podsearch.query.search.results";
    public static final String ZERO_RESULTS = "podsearch.query.search.zero.results";
    public static final String EMBEDDING_DEGRADED = "podsearch.query.embedding.degraded";

    public static final DeclaredFacts DECLARED = new DeclaredFacts(
            "query-service",
            List.of(),
            DeclaredFacts.<Class<?>>all(
                    List.of(QueryConfig.class, WebConfig.class, EmbeddingConfig.class), SupportFacts.CONFIG_MAPPINGS),
            DeclaredFacts.all(OpenSearchKeys.ALL, SupportFacts.CONFIG_KEYS),
            List.of(
                    SEARCH,
                    ENGINE,
                    SEARCH_RESULTS,
                    ZERO_RESULTS,
                    EMBEDDING_DEGRADED,
                    SupportFacts.refusalsMeter("query-service")));

    private QueryFacts() {}
}
