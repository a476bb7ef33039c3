package dev.podsearch.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The query service's own settings ({@code query.*} in application.properties). */
@ConfigMapping(prefix = "query")
public interface QueryConfig {

    /** Largest page of results a client may ask for. */
    @WithDefault("50")
    int maxSize();

    /** Longest query accepted, in characters. */
    @WithDefault("500")
    int maxQueryLength();
}
