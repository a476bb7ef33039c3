package dev.podsearch.alert.delivery;

import dev.podsearch.support.outbound.RetrySchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How webhooks are delivered ({@code alerts.delivery.*}); where they may go and the time bounds of one call are {@code
 * outbound.*} (service-support's OutboundConfig).
 */
@ConfigMapping(prefix = "alerts.delivery")
public interface DeliveryConfig {

    /** Whether this replica sends webhooks (the API runs either way). */
    @WithDefault("true")
    boolean enabled();

    /** How often the dispatcher looks for due deliveries when it found none. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The most deliveries one round claims (and sends at once). */
    @WithDefault("16")
    int batchSize();

    /**
     * How long a claim holds a delivery: other replicas leave it alone meanwhile; if the claiming replica dies before
     * recording an outcome, the delivery is due again after this (and sent again: at-least-once). Keep it above
     * outbound.connect-timeout + outbound.request-timeout.
     */
    @WithDefault("60s")
    Duration claimFor();

    /** The first retry comes at most this long after a failed attempt (full jitter: anywhere from 0 to it). */
    @WithDefault("10s")
    Duration retryBase();

    /** The ceiling of the retry delay, which doubles after each failed attempt up to this. */
    @WithDefault("1h")
    Duration retryCap();

    /** The schedule, given how long a delivery is tried ({@code alerts.give-up-after}, AlertConfig). */
    default RetrySchedule schedule(Duration giveUpAfter) {
        return new RetrySchedule(retryBase(), retryCap(), giveUpAfter);
    }
}
