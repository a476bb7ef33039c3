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

    /** The search mode when a request names none: hybrid, semantic or keyword. */
    @WithDefault("hybrid")
    String defaultMode();

    /**
     * Whether searching needs an API key (any role: read, ingest or admin). Public by default; applied by the HTTP
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
