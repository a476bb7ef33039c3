package dev.podsearch.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The query service's own settings ({@code query.*} in application.properties). */
@ConfigMapping(prefix = "query")
public interface QueryConfig {

    /** Largest page of results a client may ask for. */
    @WithDefault("50")
    int maxSize();

    /** Longest query accepted, in characters. */
    @WithDefault("500")
    int maxQueryLength();

    /**
     * How many moments each list of a semantic or hybrid search holds before they are fused: also how deep such a
     * search can be paged.
     */
    @WithDefault("100")
    int fusionWindow();

    /**
     * The share of a query's words (weighted by rarity) a moment must have to be found by its words when it does not
     * have them all: below it, a moment that shares a common word or two with the query is not a match. Calibrated on
     * the judged corpus (docs/benchmarks.md, Relevance).
     */
    @WithDefault("0.5")
    double wordFloor();

    /**
     * The k-NN score a moment must reach to be found by meaning alone, corrected for its hubness ({@code (1 + cosine) /
     * 2 - hubness / 4}: see the search's meaning query): nearest neighbours exist for any text, nonsense included.
     * Calibrated on the judged corpus (docs/benchmarks.md, Relevance) for the shipped model; another model needs its
     * own.
     */
    @WithDefault("0.649")
    double meaningFloor();

    /** The search mode when a request names none: hybrid, semantic or keyword. */
    @WithDefault("hybrid")
    String defaultMode();

    /**
     * Whether searching needs an API key (any role: read, alerts, ingest or admin). Public by default; applied by the HTTP
     * permission {@code search} in application.properties.
     */
    @WithDefault("false")
    boolean requireKey();

    /**
     * Longest a semantic or hybrid search waits for its query's vector (queued and computed); beyond, it runs by
     * keyword and says so.
     */
    @WithDefault("2s")
    Duration embeddingTimeout();

    /**
     * Query vectors that may wait for the model beside the two being computed; a search beyond runs by keyword and
     * says so.
     */
    @WithDefault("32")
    int embeddingQueue();
}
