package dev.podsearch.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** The alert service's own settings ({@code alerts.*} in application.properties). */
@ConfigMapping(prefix = "alerts")
public interface AlertConfig {

    /** query-service, whose {@code POST /v1/queries/compile} turns an alert's q and filters into its stored query. */
    URI queryUrl();

    /** The consumer group of the matching stage on {@code transcripts.indexed.v1}. */
    @WithDefault("alert-service")
    String groupId();

    /** The longest wait before the matching stage tries a failed poll again. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Whether this replica runs the matching stage (the API runs either way). */
    @WithDefault("true")
    boolean matchingEnabled();

    /** Where people read an episode: the web app's address, for the {@code link} of a webhook's episode. */
    @WithDefault("http://127.0.0.1:8080")
    URI publicUrl();

    /** How long a delivery is tried before it is marked failed (its {@code give_up_at}). */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** The most alerts one key may own. */
    @WithDefault("1000")
    int maxPerOwner();
}
