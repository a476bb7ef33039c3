package dev.podsearch.support.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Calls to URLs users give ({@code outbound.*}): which non-public targets are allowed, and the time bounds. */
@ConfigMapping(prefix = "outbound")
public interface OutboundConfig {

    /**
     * CIDR blocks, addresses or host names that may be called although they are loopback, link-local or private (the
     * local stack allows {@code 127.0.0.0/8,::1}); none by default.
     */
    Optional<List<String>> allow();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The whole exchange: connect, send, the answer's status and its excerpt. */
    @WithDefault("10s")
    Duration requestTimeout();
}
