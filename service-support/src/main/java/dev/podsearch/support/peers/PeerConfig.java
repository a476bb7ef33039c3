package dev.podsearch.support.peers;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How a service calls the other podsearch services ({@code peers.*}): the key checks and revocation polls to
 * ingest-service ({@code access.verify-url}) and alert-service's compile calls to query-service ({@code
 * alerts.query-url}).
 */
@ConfigMapping(prefix = "peers")
public interface PeerConfig {

    /**
     * The TLS configuration ({@code quarkus.tls.<name>.trust-store.*}) whose trust store says which certificates the
     * other services may show on {@code https://} addresses: in the prod overlay the cluster's internal CA
     * ({@code ca.crt} of the pod's cert-manager Secret), and only it. Unset: the JVM's default trust.
     */
    Optional<String> tlsConfigurationName();
}
